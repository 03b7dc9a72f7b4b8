import FormatKit
import ProfileModel
import TabularKit

/// The MetaPhlAn profile: one sample's clade-cumulative relative abundances, written by
/// MetaPhlAn 2, 3 and 4 (`metaphlan … -o profile.txt`).
///
/// Spec: https://github.com/biobakery/MetaPhlAn/wiki/MetaPhlAn-4 (output files) and the 3.0 and
/// 2.0 wiki pages. Versions: 2.x (two columns), 3.x (`NCBI_tax_id`, `additional_species`,
/// `UNKNOWN`), 4.x (SGB databases, `t__SGB` level, `UNCLASSIFIED`), and `-t rel_ab_w_read_stats`
/// (`coverage`, `estimated_number_of_reads_from_the_clade`). Any number of `#` lines, also
/// repeated. A real profile (taxpasta's test data, MetaPhlAn 4, shortened):
/// ```
/// #mpa_vOct22_CHOCOPhlAnSGB_202212
/// #211037392 reads processed
/// #clade_name	NCBI_tax_id	relative_abundance	additional_species
/// k__Bacteria	2	85.33321
/// k__Bacteria|p__Proteobacteria	2|1224	44.71121
/// ```
/// Import gives percent, clade-cumulative; each level's tax id goes into ``Taxon/levelTaxonIDs``,
/// the deepest also as the NCBI ``Taxon/taxonID``; `additional_species`, `coverage` and estimated
/// reads become taxon metadata; database, version and reads processed go into the provenance.
/// MetaPhlAn 3 and 4 are told apart by the database line, `t__SGB` clades or the `UNCLASSIFIED` row.
///
/// Export writes one clade-cumulative sample in MetaPhlAn 3/4's four columns (percent); it
/// loses levels without a standard rank (and rows that end in one), taxon ids other than the
/// clade names, other metadata, provenance and diagnostics.
public struct MetaPhlAnProfileFormat: ProfileImporter, ProfileExporter {
    public init() {}

    public let format = FormatDescription(
        id: "metaphlan-profile", name: "MetaPhlAn profile",
        summary: "A MetaPhlAn 2, 3 or 4 single-sample profile of clade-cumulative relative abundances.",
        versions: ["2.x", "3.x", "4.x", "-t rel_ab_w_read_stats"],
        extensions: ["metaphlan_profile.txt", "profile.txt", "tsv", "txt", "tabular"],
        specURL: "https://github.com/biobakery/MetaPhlAn/wiki/MetaPhlAn-4",
        canImport: true, canExport: true,
        exportLosses: ["levels without a standard rank, and rows ending in one",
                       "feature ids, labels and metadata other than the clade name and additional_species",
                       "sample metadata, provenance and diagnostics",
                       "the unit (written as percent)"])

    public func detect(_ prefix: InputPrefix) -> Detection {
        var header = MetaPhlAnProfileHeader()
        var clades: [Substring] = []
        var sawHeader = false
        for line in prefix.lines where !line.allSatisfy(\.isWhitespace) {
            if header.accept(line) {
                sawHeader = true
                continue
            }
            let fields = TextCells.tabFields(line)
            guard let clade = fields.first, MetaPhlAnClade.isClade(clade) else { return .noMatch }
            clades.append(clade)
        }
        guard sawHeader, header.isMetaPhlAns, !clades.isEmpty else { return .noMatch }
        let named = header.columns.contains("relative_abundance")
        guard named || header.columns.isEmpty else { return .noMatch }
        let (version, why) = header.version(clades: clades)
        let stats = header.hasReadStatistics ? ", -t rel_ab_w_read_stats layout" : ""
        return .match(confidence: named ? 0.95 : 0.85,
                      reason: "MetaPhlAn \(version.map(String.init) ?? "") profile: \(why)\(stats)")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var lines = try input.lines()
        var header = MetaPhlAnProfileHeader()
        var rows: [(line: Int, fields: [String])] = []
        while let text = try lines.nextString() {
            let line = Substring(text)
            if line.allSatisfy(\.isWhitespace) || header.accept(line) { continue }
            rows.append((lines.lineNumber, TextCells.tabFields(line).map(String.init)))
        }
        guard !rows.isEmpty else { throw .emptyInput(input.location()) }
        let columns = try Columns(header.columns, input: input)
        let (version, _) = header.version(clades: rows.map { Substring($0.fields[0]) })
        var builder = ProfileTableBuilder(unit: .percent, structure: .cladeCumulative,
                                          provenance: Provenance(source: header.provenance(version: version)))
        do { try builder.addSample(Sample(id: input.singleSampleID(options, named: header.sampleName))) } catch {
            throw ImportError(error, at: input.location())
        }
        for (line, fields) in rows {
            let at = input.location(line: line)
            guard fields.count > columns.abundance else {
                throw .syntax(at, reason: "\(fields.count) fields; the header gives \(columns.abundance + 1) or more")
            }
            var taxon = try MetaPhlAnClade.taxon(clade: fields[0], taxIDPath: columns.taxIDs.map { fields[$0] }, at: at)
            for (key, column) in columns.metadata where column < fields.count && !fields[column].isEmpty && fields[column] != "-" {
                taxon.metadata[key] = MetadataValue.inferred(from: fields[column])
            }
            guard let value = Double(fields[columns.abundance]) else {
                throw .invalidValue(input.location(line: line, column: columns.abundance + 1), value: fields[columns.abundance],
                                    reason: "is not a relative abundance")
            }
            do {
                let index = try builder.addTaxon(taxon)
                try builder.setValue(value, sample: 0, taxon: index)
            } catch {
                throw ImportError(error, at: at)
            }
        }
        let table: ProfileTable
        do { table = try builder.build() } catch { throw ImportError(error, at: input.location()) }
        return try MetaPhlAnClade.checkNesting(table, input: input)
    }

    /// A planned export: the checked one-sample table and its losses.
    public struct Plan: ExportPlan {
        let writer: MetaPhlAnProfileWriter
        public let losses: [DeclaredLoss]
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> Plan {
        Plan(writer: try MetaPhlAnProfileWriter(table: table), losses: MetaPhlAnProfileWriter.losses(for: table))
    }

    public func write(_ plan: Plan, to output: inout OutputSink) throws(ExportError) {
        try plan.writer.write(to: &output)
    }
}

private extension MetaPhlAnProfileFormat {
    /// Where a profile's fields are, from its `#clade_name` header (or MetaPhlAn 2's two columns).
    struct Columns {
        var taxIDs: Int?
        var abundance = 1
        /// Taxon metadata keys and their columns.
        var metadata: [(String, Int)] = []

        init(_ names: [String], input: ImportInput) throws(ImportError) {
            guard !names.isEmpty else { return }
            guard let abundance = names.firstIndex(of: "relative_abundance") else {
                throw .missingField(input.location(), field: "relative_abundance column in the #clade_name header")
            }
            self.abundance = abundance
            taxIDs = names.firstIndex { $0 == "NCBI_tax_id" || $0 == "clade_taxid" }
            let keys = ["additional_species": "additional-species", "coverage": "coverage",
                        "estimated_number_of_reads_from_the_clade": "estimated-reads",
                        "average_genome_length_in_the_clade": "average-genome-length"]
            metadata = names.enumerated().compactMap { column, name in keys[name].map { ($0, column) } }
        }
    }
}
