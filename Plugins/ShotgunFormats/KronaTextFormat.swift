import FormatKit
import ProfileModel
import TabularKit

/// Krona's text input (what `ktImportText` reads), as MGnify's pipelines write their taxonomy
/// summaries (`*_SILVA-SSU.txt`, `*_asv_krona_counts.txt`): one line per lineage, its count
/// first, then one rank per tab-separated field, no header.
///
/// Spec: KronaTools' `ktImportText` (https://github.com/marbl/Krona/wiki/Importing-text-and-XML-data):
/// a magnitude, then the lineage from the top down. Each line's count belongs to that node
/// alone (Krona adds the lines below a node to draw its wedge), so the rows are disjoint
/// leaves. A real file (MGnify, SILVA-SSU through MAPseq, shortened):
/// ```
/// 469	sk__Bacteria
/// 1	sk__Bacteria	k__	p__Abditibacteriota	c__Abditibacteriia	o__Abditibacteriales
/// 4491	sk__Bacteria	k__	p__Acidobacteriota
/// ```
/// Import gives a one-sample leaf table of counts, named after the file (or `--sample-id`);
/// lines with the same lineage are added up. Empty levels (`k__`) stay placeholders of the
/// lineage. Detection asks for rank-prefixed levels (`sk__`, `p__`), which tell these files
/// from other headerless tables; `--from krona-text` reads plain names by position too.
/// Import only.
public struct KronaTextFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "krona-text", name: "Krona text (ktImportText input, MGnify taxonomy summaries)",
        summary: "Headerless lines of a count and the lineage's ranks, one per tab-separated field, as ktImportText reads them.",
        versions: ["KronaTools 2.x", "MGnify pipeline 5"], extensions: ["txt", "tsv"],
        specURL: "https://github.com/marbl/Krona/wiki/Importing-text-and-XML-data",
        canImport: true, canExport: false)

    public func detect(_ prefix: InputPrefix) -> Detection {
        guard !prefix.startsWithJSONContainer else { return .noMatch }
        let lines = prefix.lines.filter { !$0.allSatisfy(\.isWhitespace) }
        let rows = lines.filter { line in
            guard let row = Self.parse(line) else { return false }
            return row.levels.allSatisfy(Self.isRankPrefixed)
        }
        return HeaderlessRows.verdict(rows: rows.count, lines: lines.count, confidence: 0.8,
                                      reason: "headerless lines of a count and rank-prefixed lineage levels (sk__, p__ …), as ktImportText reads them")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var lines = try input.lines()
        var counts = OneSampleCountTable()
        while let text = try lines.nextString() {
            if text.allSatisfy(\.isWhitespace) { continue }
            guard let row = Self.parse(Substring(text)) else {
                throw .syntax(input.location(line: lines.lineNumber),
                              reason: "a Krona text line is a non-negative count, then at least one lineage level, separated by tabs")
            }
            counts.add(row.count, key: row.levels.joined(separator: String(Self.levelSeparator)))
        }
        return try counts.build(input: input, options: options, provenance: Provenance(source: [.pipeline: "krona-text"])) { id in
            let levels = id.split(separator: Self.levelSeparator, omittingEmptySubsequences: false).map(String.init)
            return Taxon(id: id, label: id, lineage: LineageParser.parseLevels(levels).lineage)
        }
    }

    /// Joins a line's levels into its taxon id (`sk__Bacteria;k__;p__Firmicutes`).
    private static let levelSeparator: Character = ";"

    /// A line's count and lineage levels (trailing empty fields dropped); `nil` unless the first
    /// field is a finite non-negative number and a named level follows.
    private static func parse(_ line: Substring) -> (count: Double, levels: [String])? {
        var fields = TextCells.tabFields(line).map { $0.trimmingCharacters(in: .whitespaces) }
        while fields.last?.isEmpty == true { fields.removeLast() }
        guard fields.count >= 2, let count = Double(fields[0]), count.isFinite, count >= 0,
              fields[0].allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        let levels = Array(fields.dropFirst())
        guard levels.contains(where: { !isPlaceholderLevel($0) }) else { return nil }
        return (count, levels)
    }

    /// `sk__Bacteria`, `k__`, `p__Firmicutes`: a short lowercase rank prefix and two underscores.
    private static func isRankPrefixed(_ level: String) -> Bool {
        guard let marker = level.range(of: "__") else { return false }
        let prefix = level[..<marker.lowerBound]
        return (1...3).contains(prefix.count) && prefix.allSatisfy { $0.isLowercase && $0.isLetter }
    }

    /// A level with a prefix and no name (`k__`), or an empty field.
    private static func isPlaceholderLevel(_ level: String) -> Bool {
        level.isEmpty || (level.hasSuffix("__") && isRankPrefixed(level))
    }
}
