import FormatKit
import ProfileModel

/// The rows a descriptor's paths pick out of a tree-shaped document (JSON, YAML or XML):
/// one row per record (a taxon entry), one cell per field path, plus the document-level
/// values (sample id, sample metadata) by path. ``TableImporter`` reads them exactly as it
/// reads a delimited table whose header is the field paths, so every column role of the
/// descriptor language (names, ranks, taxon and parent ids, values, metadata) means the same.
public struct DocumentRows: Sendable {
    /// The field paths, in the order of each row's cells.
    public var fields: [String]
    /// Document-level values by path; absent paths are left out.
    public var values: [String: String]
    /// Each record's line in the document and its cells (empty where a field is absent).
    public var rows: [(line: Int, cells: [String])]
    /// The document's syntax, recorded in provenance as the dialect (`json document`).
    public var syntax: String

    public init(fields: [String], values: [String: String] = [:], rows: [(line: Int, cells: [String])] = [], syntax: String) {
        self.fields = fields
        self.values = values
        self.rows = rows
        self.syntax = syntax
    }
}

extension TableImporter {
    /// Reads rows taken from a document. A sample id taken from a document path that the
    /// document lacks falls back to the file name (`--sample-id` overrides both).
    public func read(_ document: DocumentRows, input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var layout = self.layout
        if case .preamble(let key) = layout.samples, document.values[key] == nil { layout.samples = .fileName(pattern: nil) }
        let dialect = TableDialect(delimiter: UInt8(ascii: "\t"))
        let header = TableRecord(line: document.rows.first.map { max($0.line - 1, 1) } ?? 1, cells: document.fields)
        var session = try TableReadSession(layout: layout, input: input, options: options,
                                           dialect: dialect, header: header, preamble: PreambleValues(values: document.values))
        for row in document.rows {
            try session.consume(TableRecord(line: row.line, cells: row.cells))
        }
        var table = try session.finish(windows1252Line: nil, taxonomy: nil)
        // The tab-separated dialect is the engine's internal layout, not how the file was written.
        table.provenance.source[.dialect] = "\(document.syntax) document"
        return table
    }
}

extension TableRecord {
    /// A record of cells already split (from a document), laid out as one tab-separated line.
    /// Every field is placed at column 1: a column within the synthetic line would mislead,
    /// and the line is the record's line in the document.
    init(line: Int, cells: [String]) {
        var raw: [UInt8] = []
        var bounds: [Range<Int>] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { raw.append(UInt8(ascii: "\t")) }
            let start = raw.count
            raw.append(contentsOf: cell.utf8)
            bounds.append(start..<raw.count)
        }
        self.init(line: line, raw: raw, split: FieldSplitting.Split(content: raw, bounds: bounds, starts: Array(repeating: 0, count: bounds.count),
                                                                     openQuote: false))
    }
}

extension PreambleValues {
    /// Values given by key (document paths) rather than printed above a table.
    init(values: [String: String]) {
        self.init(lines: [], layout: TableLayout(samples: .fileName(pattern: nil)), dialect: TableDialect(delimiter: UInt8(ascii: "\t")))
        for (key, value) in values where self.value(for: key) == nil { set(value, for: key) }
    }
}
