import FormatKit
import ProfileModel
import TabularKit

/// DIAMOND's taxonomic classification output (`diamond blastx --outfmt 102`): one line per
/// read with the tax id of its lowest common ancestor and the best e-value.
///
/// Spec: https://github.com/bbuchfink/diamond/wiki/3.-Command-line-options#output-options
/// (format 102). Versions: DIAMOND 0.9–2.x. No header; tax id `0` marks an unclassified read.
/// A real file (taxpasta's test data, shortened):
/// ```
/// shigella_dysenteriae_958/1	511145	2.46e-08
/// escherichia_coli_308/1	511145	1.55e-12
/// shigella_dysenteriae_999/1	0	0
/// ```
/// Import counts the reads per tax id into a one-sample leaf table of counts, unclassified
/// reads as an explicit row, tax ids in the `taxonomy-system` option's system (`ncbi` by
/// default); the read ids and e-values are not kept. Import only.
public struct DIAMONDTaxonomyFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "diamond-taxonomy", name: "DIAMOND taxonomic classification",
        summary: "DIAMOND --outfmt 102: read id, lowest-common-ancestor tax id and e-value per read.",
        versions: ["0.9", "2.x"], extensions: ["tsv", "txt", "diamond"],
        specURL: "https://github.com/bbuchfink/diamond/wiki/3.-Command-line-options#output-options",
        canImport: true, canExport: false, importOptions: [TaxonomySystemOption.option])

    public func detect(_ prefix: InputPrefix) -> Detection {
        let lines = prefix.lines.filter { !$0.allSatisfy(\.isWhitespace) }
        let rows = lines.compactMap(Self.parse)
        guard !rows.isEmpty, rows.contains(where: { Double($0.read) == nil }) else { return .noMatch }
        return HeaderlessRows.verdict(rows: rows.count, lines: lines.count, confidence: 0.8,
                                      reason: "headerless rows of read id, integer tax id and e-value, as DIAMOND --outfmt 102 writes")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var lines = try input.lines()
        var counts = OneSampleCountTable()
        while let text = try lines.nextString() {
            if text.allSatisfy(\.isWhitespace) { continue }
            guard let row = Self.parse(Substring(text)) else {
                throw .syntax(input.location(line: lines.lineNumber),
                              reason: "a DIAMOND row needs three tab-separated fields: read id, integer tax id, e-value")
            }
            counts.add(1, key: row.taxID)
        }
        return try counts.buildByTaxID(input: input, options: options, pipeline: "diamond", formatID: format.id)
    }

    /// A row's read id and tax id; `nil` unless it has three fields of their types.
    private static func parse(_ line: Substring) -> (read: Substring, taxID: String)? {
        let fields = TextCells.tabFields(line)
        guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty, fields[1].allSatisfy(\.isNumber),
              let evalue = Double(fields[2]), evalue >= 0 else { return nil }
        return (fields[0], String(fields[1]))
    }
}
