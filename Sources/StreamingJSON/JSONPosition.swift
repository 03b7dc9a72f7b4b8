/// Where a token starts in a JSON text: 1-based line and column, 0-based byte offset.
///
/// Lines end at `\n`, `\r\n` or a lone `\r` (as ``FormatKit/LineReader`` counts them).
/// Columns count Unicode scalars, not bytes, so they match what an editor shows for
/// UTF-8 text; the byte offset is exact for tools that seek.
public struct JSONPosition: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode scalars from the start of the line.
    public var column: Int
    /// The 0-based byte offset from the start of the (decoded) text.
    public var offset: Int

    /// A position at 1-based `line` and `column` and 0-based byte `offset`.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line L, column C`.
    public var description: String { "line \(line), column \(column)" }
}

/// Safety limits a ``JSONReader`` enforces, so that hostile input fails with a typed error
/// instead of exhausting the stack or memory.
public struct JSONReaderLimits: Sendable, Hashable {
    /// How many arrays and objects may be open at once.
    public var maxDepth: Int
    /// The longest string or key, in bytes of its JSON text (escapes included).
    public var maxStringBytes: Int
    /// The longest number, in bytes of its JSON text.
    public var maxNumberBytes: Int

    /// Depth 512, strings up to 64 MiB, numbers up to 1,024 bytes.
    public init(maxDepth: Int = 512, maxStringBytes: Int = 64 << 20, maxNumberBytes: Int = 1024) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxNumberBytes = maxNumberBytes
    }
}
