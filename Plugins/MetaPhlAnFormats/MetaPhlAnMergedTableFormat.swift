import FormatKit
import ProfileModel
import TabularKit

/// A merged MetaPhlAn abundance table: one clade-cumulative column per sample, as
/// `merge_metaphlan_tables.py` writes it, and the variants HUMAnN's and HMP2's workflows publish.
///
/// Spec: https://github.com/biobakery/MetaPhlAn/wiki/MetaPhlAn-4 (merging tables). Versions:
/// MetaPhlAn 2's merge (`ID` header, then a `#SampleID`/`__pd__SampleID` row of
/// `Metaphlan2_Analysis`), MetaPhlAn 3/4's (`#mpa_…` database line, `clade_name` header, an
/// optional `NCBI_tax_id`/`clade_taxid` column), and the biobakery workflows' `Sample` header
/// (HMP2). A real table (HMP2's merged profiles, shortened):
/// ```
/// Sample	CSM5FZ3N_P	CSM5FZ3T_P
/// k__Bacteria|…|g__Bacteroides	84.06638	95.6901
/// k__Bacteria|…|g__Bacteroides|s__Bacteroides_caccae	2.76801	0
/// ```
/// Import gives percent, clade-cumulative, with lineages and per-level tax ids as in
/// ``MetaPhlAnProfileFormat``; a table that lists only some ranks keeps the ranks it lists.
/// Import only.
public struct MetaPhlAnMergedTableFormat: ProfileImporter {
    public init() {}

    /// First header cells of merged tables.
    static let headerNames: Set<String> = ["ID", "clade_name", "#clade_name", "Sample", "sample", "taxonomy"]

    public let format = FormatDescription(
        id: "metaphlan-merged", name: "MetaPhlAn merged abundance table",
        summary: "merge_metaphlan_tables.py output (and HUMAnN/HMP2 variants): MetaPhlAn clades × samples, percent.",
        versions: ["MetaPhlAn 2 merge", "MetaPhlAn 3/4 merge", "biobakery workflows (HMP2)"],
        extensions: ["tsv", "txt", "tabular"],
        specURL: "https://github.com/biobakery/MetaPhlAn/wiki/MetaPhlAn-4",
        canImport: true, canExport: false)

    public func detect(_ prefix: InputPrefix) -> Detection {
        var header: [Substring]?
        var clades = 0
        for line in prefix.lines where !line.allSatisfy(\.isWhitespace) {
            let fields = TextCells.tabFields(line)
            if header == nil {
                if line.hasPrefix("#mpa_") || line.hasPrefix("#/") { continue }
                guard let first = fields.first, Self.headerNames.contains(String(first)) else { return .noMatch }
                header = fields
                continue
            }
            if Self.isSampleIDRow(fields) { continue }
            guard let clade = fields.first, MetaPhlAnClade.isClade(clade) else { return .noMatch }
            clades += 1
        }
        guard let header, clades > 0 else { return .noMatch }
        let samples = header.count - 1 - (Self.taxIDColumn(header) == nil ? 0 : 1)
        return .match(confidence: 0.9, reason: "a '\(header[0])' header over MetaPhlAn clade names (k__…|p__…) in \(samples) sample column(s), as merge_metaphlan_tables.py writes")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var lines = try input.lines()
        var builder = ProfileTableBuilder(unit: .percent, structure: .cladeCumulative,
                                          provenance: Provenance(source: [.pipeline: "metaphlan"]))
        var taxIDColumn: Int?
        var fieldCount: Int?
        while let text = try lines.nextString() {
            let at = input.location(line: lines.lineNumber)
            if text.allSatisfy(\.isWhitespace) { continue }
            let fields = TextCells.tabFields(text).map(String.init)
            guard let expected = fieldCount else {
                if text.hasPrefix("#mpa_") {
                    builder.provenance.source[.database] = String(text.dropFirst())
                    continue
                }
                if text.hasPrefix("#/") { continue }
                guard Self.headerNames.contains(fields[0]) else {
                    throw .missingField(at, field: "header row (ID, clade_name or Sample, then the sample ids)")
                }
                taxIDColumn = Self.taxIDColumn(fields[...].map { Substring($0) })
                do {
                    for id in fields.dropFirst(taxIDColumn == nil ? 1 : 2) { try builder.addSample(Sample(id: id)) }
                } catch { throw ImportError(error, at: at) }
                fieldCount = fields.count
                continue
            }
            if Self.isSampleIDRow(fields[...].map { Substring($0) }) { continue }
            guard fields.count == expected else {
                throw .shapeMismatch(at, reason: "\(fields.count) fields where the header has \(expected)")
            }
            let taxon = try MetaPhlAnClade.taxon(clade: fields[0], taxIDPath: taxIDColumn.map { fields[$0] }, at: at)
            let first = taxIDColumn == nil ? 1 : 2
            var values: [Double] = []
            for column in first..<fields.count {
                guard let value = Double(fields[column]) else {
                    throw .invalidValue(input.location(line: lines.lineNumber, column: column + 1), value: fields[column],
                                        reason: "is not a relative abundance")
                }
                values.append(value)
            }
            do {
                let index = try builder.addTaxon(taxon)
                for (sample, value) in values.enumerated() { try builder.setValue(value, sample: sample, taxon: index) }
            } catch {
                throw ImportError(error, at: at)
            }
        }
        guard fieldCount != nil, builder.taxonCount > 0 else { throw .emptyInput(input.location()) }
        let table: ProfileTable
        do { table = try builder.build() } catch { throw ImportError(error, at: input.location()) }
        return try MetaPhlAnClade.checkNesting(table, input: input)
    }

    /// The column of per-level tax ids, when the header has one after the clade names.
    static func taxIDColumn(_ header: [Substring]) -> Int? {
        header.count > 1 && (header[1] == "NCBI_tax_id" || header[1] == "clade_taxid") ? 1 : nil
    }

    /// MetaPhlAn 2's merge repeats each profile's `#SampleID  Metaphlan2_Analysis` line as a row
    /// (pandas writes it as `__pd__SampleID`); it holds no abundances.
    static func isSampleIDRow(_ fields: [Substring]) -> Bool {
        guard let first = fields.first else { return false }
        return first == "#SampleID" || first == "__pd__SampleID"
    }
}
