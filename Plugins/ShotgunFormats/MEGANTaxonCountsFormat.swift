import FormatKit
import ProfileModel
import TabularKit

/// The tax id to read count table MEGAN6's `rma2info -c2c Taxonomy` (also run on MALT's RMA
/// output) writes: two columns, no header.
///
/// Spec: https://software-ab.cs.uni-tuebingen.de/download/megan6/manual.pdf (rma2info). Versions:
/// MEGAN 6. The counts are the reads assigned to each taxon itself (not summarised over the
/// clade, unless `-s` was given, which the file does not show). A real file (taxpasta's test data):
/// ```
/// 4932	2.0
/// 9606	161.0
/// 559292	25210.0
/// ```
/// Import gives a one-sample leaf table of counts, tax ids in the `taxonomy-system` option's
/// system (`ncbi` by default). Import only.
public struct MEGANTaxonCountsFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "megan-rma2info", name: "MEGAN rma2info tax id counts",
        summary: "MEGAN6 / MALT rma2info -c2c Taxonomy output: tax id and assigned read count per line, no header.",
        versions: ["6.x"], extensions: ["txt", "tsv"],
        specURL: "https://software-ab.cs.uni-tuebingen.de/download/megan6/manual.pdf",
        canImport: true, canExport: false, importOptions: [TaxonomySystemOption.option])

    public func detect(_ prefix: InputPrefix) -> Detection {
        let lines = prefix.lines.filter { !$0.allSatisfy(\.isWhitespace) }
        let rows = lines.compactMap(Self.parse).count
        return HeaderlessRows.verdict(rows: rows, lines: lines.count, confidence: 0.8,
                                      reason: "headerless rows of integer tax id and read count, as MEGAN's rma2info -c2c Taxonomy writes")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var lines = try input.lines()
        var counts = OneSampleCountTable()
        var seen = Set<String>()
        while let text = try lines.nextString() {
            if text.allSatisfy(\.isWhitespace) { continue }
            let at = input.location(line: lines.lineNumber)
            guard let row = Self.parse(Substring(text)) else {
                throw .syntax(at, reason: "an rma2info row needs two tab-separated fields: integer tax id, read count")
            }
            guard seen.insert(row.taxID).inserted else { throw .duplicateTaxon(at, id: row.taxID) }
            counts.add(row.count, key: row.taxID)
        }
        return try counts.buildByTaxID(input: input, options: options, pipeline: "megan", formatID: format.id)
    }

    private static func parse(_ line: Substring) -> (taxID: String, count: Double)? {
        let fields = TextCells.tabFields(line)
        guard fields.count == 2, !fields[0].isEmpty, fields[0].allSatisfy(\.isNumber),
              let count = Double(fields[1]), count.isFinite, count >= 0 else { return nil }
        return (String(fields[0]), count)
    }
}
