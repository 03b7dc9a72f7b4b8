import FormatKit
import ProfileModel
import TabularKit

/// The mOTUs profile (`motus profile`): one row per mOTU (or per taxon at the rank `-k` asks
/// for), its NCBI tax id, and one column per sample; `unassigned` holds what no mOTU took.
///
/// Spec: https://github.com/motu-tool/mOTUs/wiki (profile output). Versions: mOTUs 2.5–3.x. Two
/// `#` lines (version and settings, the call), then a `#consensus_taxonomy` header (or `#mOTU`
/// with `-q`). With `-c` the values are read counts, else relative abundances. A real profile
/// (taxpasta's test data, mOTUs 3.0.3, shortened):
/// ```
/// # git tag version 3.0.3 |  motus version 3.0.3 | … | calc_motu 3.0.3 -k mOTU -C no_CAMI -g 3 -c
/// # call: python …/motus profile -p -c -f … -db db_mOTU -t 2 -n 2612_pe-ERR5766176-db_mOTU
/// #consensus_taxonomy	NCBI_tax_id	2612_pe-ERR5766176-db_mOTU
/// Ruminococcus bromii [ref_mOTU_v3_00853]	40518	20
/// Blautia obeum/wexlerae [ref_mOTU_v3_02154]	NA	1
/// unassigned	NA	17
/// ```
/// Import gives a leaf table (mOTUs are disjoint), feature ids the bracketed mOTU ids, labels
/// as written, the NCBI tax id where there is one, and the `unassigned` row kept. The many rows
/// that are zero in every sample are left out (an info diagnostic counts them). Import only.
public struct MOTUsProfileFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "motus-profile", name: "mOTUs profile",
        summary: "mOTUs 2/3 taxonomic profile: mOTUs with NCBI tax ids and counts or relative abundances per sample.",
        versions: ["2.5", "3.x"], extensions: ["motus", "out", "tsv", "txt"],
        specURL: "https://github.com/motu-tool/mOTUs/wiki",
        canImport: true, canExport: false)

    public func detect(_ prefix: InputPrefix) -> Detection {
        let lines = prefix.firstNonBlankLines(4)
        guard lines.contains(where: { $0.hasPrefix("# git tag version") || $0.contains("motus version") }) else {
            return lines.contains(where: { $0.hasPrefix("#consensus_taxonomy\t") })
                ? .match(confidence: 0.7, reason: "a #consensus_taxonomy header, as mOTUs writes")
                : .noMatch
        }
        return .match(confidence: 0.95, reason: "mOTUs' version line ('motus version …') and its column header")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var lines = try input.lines()
        var source: SourceFacts = [.pipeline: "motus", .taxonomySystem: "ncbi"]
        var counts = false
        var builder: ProfileTableBuilder?
        var taxIDColumn: Int?
        var fieldCount = 0
        var zeroRows = 0
        while let text = try lines.nextString() {
            let at = input.location(line: lines.lineNumber)
            if text.allSatisfy(\.isWhitespace) { continue }
            let fields = TextCells.tabFields(text).map(String.init)
            guard var table = builder else {
                guard text.hasPrefix("#") else { throw .missingField(at, field: "#consensus_taxonomy column header") }
                if text.hasPrefix("# git tag version") || text.contains("motus version") {
                    if let version = Self.version(in: text) { source[.pipelineVersion] = version }
                    counts = counts || text.split(separator: " ").contains("-c")
                } else if text.hasPrefix("# call:") {
                    source[.attribute("command-line")] = String(text.dropFirst(8))
                    counts = counts || text.split(separator: " ").contains("-c")
                } else if fields.count >= 2 {
                    taxIDColumn = fields.firstIndex(of: "NCBI_tax_id")
                    fieldCount = fields.count
                    var made = ProfileTableBuilder(unit: counts ? .counts : .relative, structure: .leaves,
                                                   provenance: Provenance(source: source))
                    do {
                        for id in fields[(taxIDColumn.map { $0 + 1 } ?? 1)...] { try made.addSample(Sample(id: id)) }
                    } catch { throw ImportError(error, at: at) }
                    builder = made
                }
                continue
            }
            guard fields.count == fieldCount else {
                throw .shapeMismatch(at, reason: "\(fields.count) fields where the header has \(fieldCount)")
            }
            let first = taxIDColumn.map { $0 + 1 } ?? 1
            var values: [Double] = []
            for column in first..<fields.count {
                guard let value = Double(fields[column]) else {
                    throw .invalidValue(input.location(line: lines.lineNumber, column: column + 1), value: fields[column],
                                        reason: "is not a read count or relative abundance")
                }
                values.append(value)
            }
            guard values.contains(where: { $0 != 0 }) else {
                zeroRows += 1
                continue
            }
            let taxID = taxIDColumn.map { fields[$0] }.flatMap { $0 == "NA" || $0.isEmpty ? nil : $0 }
            do {
                let index = try table.addTaxon(Self.taxon(name: fields[0], taxID: taxID))
                for (sample, value) in values.enumerated() { try table.setValue(value, sample: sample, taxon: index) }
            } catch { throw ImportError(error, at: at) }
            builder = table
        }
        guard var table = builder else { throw .emptyInput(input.location()) }
        if zeroRows > 0 {
            table.addDiagnostic(Diagnostic(.zeroRowsOmitted,
                                           message: "\(zeroRows) mOTU(s) with zero in every sample are not kept"))
        }
        do { return try table.build() } catch { throw ImportError(error, at: input.location()) }
    }

    /// The taxon of a row: id the bracketed mOTU id (`ref_mOTU_v3_00853`), species-level name before it.
    private static func taxon(name: String, taxID: String?) -> Taxon {
        guard name.hasSuffix("]"), let open = name.lastIndex(of: "[") else {
            let lineage = name.contains("|") ? LineageParser.parse(name) : Lineage([LineageEntry(rank: .unranked, name: name)]) ?? Lineage()
            return Taxon(id: name, label: name, lineage: lineage, taxonID: taxID.map { TaxonID(system: "ncbi", value: $0) })
        }
        let id = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        let species = name[..<open].trimmingPrefix(" ").split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let lineage = species.contains("|") ? LineageParser.parse(species)
            : Lineage([LineageEntry(rank: .species, name: species)]) ?? Lineage()
        return Taxon(id: id, label: name, lineage: lineage, taxonID: taxID.map { TaxonID(system: "ncbi", value: $0) })
    }

    /// `3.0.3` from `… | motus version 3.0.3 | …`.
    private static func version(in line: String) -> String? {
        guard let range = line.range(of: "motus version ") else { return nil }
        let version = line[range.upperBound...].prefix { $0 != " " && $0 != "|" }
        return version.isEmpty ? nil : String(version)
    }
}
