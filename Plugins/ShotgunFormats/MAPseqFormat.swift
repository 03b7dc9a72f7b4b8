import FormatKit
import ProfileModel
import TabularKit

/// MAPseq's per-read classification (`.mseq`), as MGnify's amplicon pipeline writes it: a
/// `#query dbhit bitscore …` header, one line per read with its best reference hit, and after an
/// empty column the read's lineage in the database named by that column's header (`SILVA`).
///
/// Spec: MAPseq (https://github.com/jfmrod/MAPseq) and MGnify's reader of it
/// (mgnify-pipelines-toolkit, `mapseq2biom`). A real file (MGnify's test data, shortened):
/// ```
/// #query	dbhit	bitscore	identity	matches	mismatches	gaps	query_start	query_end	dbhit_start	dbhit_end	strand		SILVA
/// hit_test	GY187501.2.1421	360	1	360	0	0	0	360	0	360	+		sk__Bacteria;k__;p__Proteobacteria;…;g__Helicobacter;s__
/// ```
/// Import counts the reads per lineage of the first database into a one-sample leaf table of
/// counts, named after the file (or `--sample-id`); a read without a lineage counts as
/// unclassified. Read ids, hits and scores are not kept. Import only.
public struct MAPseqFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "mapseq", name: "MAPseq read classification (.mseq)",
        summary: "MAPseq per-read output: best hit, scores, then the read's lineage per reference database.",
        versions: ["1.2", "2.x"], extensions: ["mseq", "txt", "tsv"],
        specURL: "https://github.com/jfmrod/MAPseq",
        canImport: true, canExport: false)

    /// The columns every MAPseq header starts with.
    private static let headerStart = ["#query", "dbhit", "bitscore", "identity"]

    /// Whether `fields` start as a MAPseq header does.
    private static func isHeader(_ fields: [Substring]) -> Bool {
        fields.count >= headerStart.count && zip(fields, headerStart).allSatisfy { $0 == $1 }
    }

    public func detect(_ prefix: InputPrefix) -> Detection {
        guard let header = prefix.lines.first(where: { !$0.allSatisfy(\.isWhitespace) }),
              Self.isHeader(TextCells.tabFields(header)) else {
            return .noMatch
        }
        return .match(confidence: 0.95, reason: "a '#query dbhit bitscore identity …' header, as MAPseq writes it")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var lines = try input.lines()
        var lineageColumn: Int?
        var counts = OneSampleCountTable()
        while let text = try lines.nextString() {
            if text.allSatisfy(\.isWhitespace) { continue }
            let fields = TextCells.tabFields(text)
            guard let column = lineageColumn else {
                guard Self.isHeader(fields), let separator = fields.firstIndex(of: ""), separator + 1 < fields.count else {
                    throw .syntax(input.location(line: lines.lineNumber),
                                  reason: "a MAPseq file starts with a '#query dbhit bitscore identity …' header whose database columns follow an empty one")
                }
                lineageColumn = separator + 1
                continue
            }
            guard fields.count > column - 1, !fields[0].isEmpty else {
                throw .syntax(input.location(line: lines.lineNumber),
                              reason: "a MAPseq line needs the read id and \(column + 1) columns, up to the lineage")
            }
            counts.add(1, key: fields.count > column ? fields[column].trimmingCharacters(in: .whitespaces) : "")
        }
        return try counts.build(input: input, options: options, provenance: Provenance(source: [.pipeline: "mapseq"])) { lineage in
            lineage.isEmpty ? Taxon.unclassified() : Taxon(id: lineage, label: lineage, lineage: LineageParser.parse(lineage))
        }
    }
}
