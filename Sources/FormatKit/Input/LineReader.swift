/// Splits a UTF-8 byte stream into lines, dropping `\n`, `\r\n` and lone `\r` terminators,
/// and counts them from 1 for error locations.
///
/// A line longer than `maxLineLength` is refused with ``ImportError/limitExceeded(_:limit:)``,
/// so a hostile file that is one endless line cannot exhaust memory.
public struct LineReader {
    /// The longest line accepted by default (64 MiB; a 100,000-sample wide table row is about 1 MiB).
    public static let defaultMaxLineLength = 64 << 20

    private let stream: any ByteStream
    private let displayName: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    private let chunkSize: Int
    private let maxLineLength: Int
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    public init(stream: any ByteStream, displayName: String = "<input>", chunkSize: Int = 1 << 20,
                maxLineLength: Int = LineReader.defaultMaxLineLength) {
        self.stream = stream
        self.displayName = displayName
        self.chunkSize = chunkSize
        self.maxLineLength = maxLineLength
    }

    /// The next line without its terminator, or `nil` at the end. A final line without a
    /// newline is returned like any other; a stream ending in a newline yields no extra empty line.
    public mutating func nextLine() throws(ImportError) -> [UInt8]? {
        while true {
            if let end = buffer[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                if buffer[end] == 0x0D && end + 1 == buffer.count && !exhausted {
                    try refill()
                    continue
                }
                let line = Array(buffer[position..<end])
                position = end + 1
                if buffer[end] == 0x0D, position < buffer.count, buffer[position] == 0x0A { position += 1 }
                lineNumber += 1
                return line
            }
            if exhausted {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                lineNumber += 1
                return line
            }
            try refill()
        }
    }

    /// The next line decoded as a `String` (invalid UTF-8 is repaired with U+FFFD).
    public mutating func nextString() throws(ImportError) -> String? {
        guard let line = try nextLine() else { return nil }
        return String(decoding: line, as: UTF8.self)
    }

    private mutating func refill() throws(ImportError) {
        if buffer.count - position > maxLineLength {
            throw .limitExceeded(SourceLocation(file: displayName, line: lineNumber + 1),
                                 limit: "a line longer than \(maxLineLength) bytes")
        }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let chunk = try stream.read(maxCount: chunkSize)
        if chunk.isEmpty { exhausted = true } else { buffer += chunk }
    }
}
