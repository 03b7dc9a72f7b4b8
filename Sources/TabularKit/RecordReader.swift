import FormatKit

/// Reads the records of a delimited table one at a time from an ``ImportInput``.
///
/// Quoted fields may span lines (RFC 4180). Lines that are not valid UTF-8 are read as
/// Windows-1252 unless the input's encoding was forced, and the first such line is
/// remembered so that the importer can report it; with the encoding forced to UTF-8 such a
/// line is an `encoding` error (bytes are never replaced).
public struct RecordReader {
    /// The longest record accepted (an unclosed quote would otherwise swallow the file).
    public static let maxRecordBytes = 16 << 20

    private var lines: LineReader
    private let input: ImportInput
    public let dialect: TableDialect
    private let allowsFallback: Bool
    /// The first line that was read as Windows-1252, if any.
    public private(set) var firstWindows1252Line: Int?
    /// The previous record's field count, to size the next record's field list once.
    private var lastFieldCount = 0

    /// Starts reading `input` with `dialect`.
    public init(input: ImportInput, dialect: TableDialect) throws(ImportError) {
        self.input = input
        self.dialect = dialect
        self.lines = try input.lines()
        self.allowsFallback = input.encoding == nil
    }

    /// The next raw line (decoded), without splitting; `nil` at the end.
    public mutating func nextLine() throws(ImportError) -> (number: Int, text: [UInt8])? {
        guard let bytes = try lines.nextLine() else { return nil }
        return (lines.lineNumber, try decode(bytes, line: lines.lineNumber))
    }

    /// The next record, or `nil` at the end of the input.
    public mutating func next() throws(ImportError) -> TableRecord? {
        guard let (number, first) = try nextLine() else { return nil }
        var raw = first
        var split = FieldSplitting.split(raw, delimiter: dialect.delimiter, quote: dialect.quote,
                                         expectedFields: lastFieldCount)
        if split.openQuote, let quote = dialect.quote {
            // A quoted field runs on over the next lines: follow the quotes line by line (linear
            // time), and split the whole record once its field has closed.
            let (_, column) = TableRecord(line: number, raw: raw, split: split)
                .position(ofField: split.starts.count - 1)
            var state = FieldSplitting.QuoteState.quoted
            repeat {
                guard raw.count <= Self.maxRecordBytes, let (_, more) = try nextLine() else {
                    throw .syntax(input.location(line: number, column: column),
                                  reason: "a quoted field opened here is never closed")
                }
                raw.append(0x0A)
                raw += more
                state = FieldSplitting.advance(state, over: more, delimiter: dialect.delimiter, quote: quote)
            } while state == .quoted
            split = FieldSplitting.split(raw, delimiter: dialect.delimiter, quote: dialect.quote)
        }
        lastFieldCount = split.bounds.count
        return TableRecord(line: number, raw: raw, split: split)
    }

    private mutating func decode(_ bytes: [UInt8], line: Int) throws(ImportError) -> [UInt8] {
        if let nul = bytes.firstIndex(of: 0) {
            throw .encoding(input.location(line: line, column: nul + 1), reason: "a NUL byte: the input is binary data, not text")
        }
        guard bytes.contains(where: { $0 >= 0x80 }), !TextCells.isValidUTF8(bytes) else { return bytes }
        guard allowsFallback else {
            throw .encoding(input.location(line: line), reason: "the line is not valid UTF-8, the encoding the input was given in")
        }
        if firstWindows1252Line == nil { firstWindows1252Line = line }
        return TextDecodingStream.windows1252ToUTF8(bytes)
    }
}
