import Foundation
import FormatKit
import ProfileModel

/// A taxonomy-only table that gives lineages to the feature ids of a count table: QIIME 2
/// `taxonomy.tsv` (`Feature ID`, `Taxon`, `Confidence`, also headerless), sourmash lineage
/// CSVs (`ident`, `superkingdom` … `species`), DADA2 taxonomy tables (`ASV`, `Kingdom` …).
///
/// Such tables carry no abundances, so they are not profiles: they are passed as the
/// `taxonomy` companion of an import (`--companion taxonomy=FILE`).
public struct TaxonomyCompanion: Sendable {
    /// The companion role name.
    public static let role = "taxonomy"

    /// How the companion is described to users.
    public static let description = CompanionDescription(
        role: role, required: false,
        summary: "a taxonomy table (QIIME 2 taxonomy.tsv, sourmash lineage CSV, DADA2 taxonomy) giving lineages to feature ids")

    /// A feature's lineage and extra annotations (such as the classifier's confidence).
    public struct Entry: Sendable, Hashable {
        public var lineage: Lineage
        public var metadata: [String: MetadataValue]
    }

    /// Entries by feature id (the first column).
    public let entries: [String: Entry]
    /// The companion's file name.
    public let fileName: String

    static let lineageHeaders = ["taxon", "taxonomy", "lineage", "classification", "consensus lineage"]
    static let confidenceHeaders = ["confidence", "consensus"]

    /// Reads a taxonomy table.
    public static func read(_ input: ImportInput) throws(ImportError) -> TaxonomyCompanion {
        let layout = TableLayout(samples: .eachColumn(excluding: []))
        let located = try HeaderLocator.locate(input, layout: layout)
        var reader = try RecordReader(input: input, dialect: located.dialect)
        var skipped = 0
        while skipped < located.headerLine - 1, try reader.nextLine() != nil { skipped += 1 }
        guard let first = try reader.next() else { throw .emptyInput(input.location()) }
        // A first row whose second cell is a prefixed lineage is data (QIIME 1 / headerless QIIME 2).
        let headerless = first.count >= 2 && first.trimmed(1).contains("__")
        let header = headerless ? [] : (0..<first.count).map { HeaderCells.normalized(first.string($0)) }
        let lineageColumn = headerless ? 1 : header.firstIndex { lineageHeaders.contains($0) }
        let confidenceColumn = header.firstIndex { confidenceHeaders.contains($0) }
        let sizeColumn = header.firstIndex { $0 == "size" }
        let rankColumns = header.indices.dropFirst().filter { index in
            index != lineageColumn && index != confidenceColumn && index != sizeColumn
                && (Rank(name: header[index]) != nil || ["supergroup", "subdivision"].contains(header[index]))
        }
        guard lineageColumn != nil || !rankColumns.isEmpty else {
            throw .missingField(input.location(line: first.line),
                                field: "a lineage column (Taxon, taxonomy, lineage) or rank columns (kingdom … species)")
        }

        var entries: [String: Entry] = [:]
        func add(_ record: TableRecord) throws(ImportError) {
            guard !record.isBlank else { return }
            let id = record.trimmed(0)
            guard !id.isEmpty else { return }
            var lineage: Lineage
            if let lineageColumn {
                guard lineageColumn < record.count else {
                    let position = record.position(ofField: record.count)
                    throw .shapeMismatch(input.location(line: position.line, column: position.column),
                                         reason: "the row has no lineage cell")
                }
                let text = record.trimmed(lineageColumn)
                lineage = LineageParser.parse(ListLiteralCells.items(text)?.joined(separator: ";") ?? text)
            } else {
                let cells = rankColumns.map { index in
                    (header: header[index], value: index < record.count ? rankCellName(record.trimmed(index)) : "")
                }
                lineage = LineageParser.fromColumns(cells) ?? Lineage()
            }
            var metadata: [String: MetadataValue] = [:]
            if let confidenceColumn, confidenceColumn < record.count {
                metadata["confidence"] = MetadataValue.inferred(from: record.trimmed(confidenceColumn))
            }
            if let lineageColumn, lineageColumn < record.count {
                metadata.merge(mothurConfidences(record.trimmed(lineageColumn))) { current, _ in current }
            }
            if let sizeColumn, sizeColumn < record.count {
                metadata["size"] = MetadataValue.inferred(from: record.trimmed(sizeColumn))
            }
            if entries[id] == nil { entries[id] = Entry(lineage: lineage, metadata: metadata) }
        }
        if headerless { try add(first) }
        while let record = try reader.next() { try add(record) }
        return TaxonomyCompanion(entries: entries, fileName: URL(fileURLWithPath: input.name).lastPathComponent)
    }

    /// A mothur lineage's per-level bootstrap confidences (`Bacteria(100);Firmicutes(97);`) as
    /// `confidence` (the deepest level's, as a QIIME 2 classifier reports one) and
    /// `confidences` (every level's, `100;97`); nothing for other styles.
    private static func mothurConfidences(_ lineage: String) -> [String: MetadataValue] {
        guard let confidences = LineageParser.mothurConfidences(lineage), let deepest = confidences.last else { return [:] }
        return ["confidence": .number(deepest),
                "confidences": .string(confidences.map(NumberFormatting.shortest).joined(separator: ";"))]
    }

    /// A rank column's cell as a name: missing tokens are empty, a prefixed `p__Bacillota` is `Bacillota`.
    private static func rankCellName(_ cell: String) -> String {
        if NumberCells.defaultMissingTokens.contains(cell) { return "" }
        let (lineage, style) = LineageParser.parseWithStyle(cell)
        if style == .prefixed, lineage.entries.count == 1, let entry = lineage.entries.first { return entry.name }
        return cell
    }

    /// Gives the builder's taxa the companion's lineages and metadata, and reports features it does not cover.
    /// `keys` lists, for a feature id, the companion ids it may appear under, best first
    /// (a format whose companion abbreviates ids says how); by default the id itself.
    public func annotate(_ builder: inout ProfileTableBuilder, keys: (String) -> [String] = { [$0] }) {
        var unmatched = 0
        for index in 0..<builder.taxonCount {
            guard let entry = keys(builder.taxon(at: index).id).lazy.compactMap({ entries[$0] }).first else {
                unmatched += 1
                continue
            }
            builder.updateTaxon(at: index) { taxon in
                taxon.lineage = entry.lineage
                taxon.metadata.merge(entry.metadata) { current, _ in current }
            }
        }
        builder.provenance.source[.taxonomyCompanion] = fileName
        if unmatched > 0 {
            builder.addDiagnostic(Diagnostic(
                .companionUnmatched,
                message: "\(unmatched) of \(builder.taxonCount) feature(s) have no row in the taxonomy companion \(fileName)"))
        }
    }
}
