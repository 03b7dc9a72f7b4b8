/// The bounded start of an input that detectors look at: the decompressed bytes, the same
/// decoded as UTF-8 text, and the file name.
public struct InputPrefix: Sendable {
    /// How many decompressed bytes detectors see by default.
    public static let defaultSize = 64 * 1024

    /// The file name (last path component), for extension rules.
    public let fileName: String
    /// Decompressed bytes, not text-decoded (binary magic numbers live here).
    public let bytes: [UInt8]
    /// The prefix decoded to UTF-8 (BOM removed, UTF-16 transcoded), repaired where invalid.
    public let text: String
    /// Whether the prefix is the whole input.
    public let isComplete: Bool

    public init(fileName: String, bytes: [UInt8], text: String, isComplete: Bool) {
        self.fileName = fileName
        self.bytes = bytes
        self.text = text
        self.isComplete = isComplete
    }

    /// The text's lines without terminators; the last line is dropped when the prefix was cut
    /// mid-line, so detectors never see a partial line.
    ///
    /// Every detector asks for them, so they are split on the UTF-8 bytes rather than by
    /// characters: `\n` and `\r` always end a character (Unicode's grapheme rules break
    /// around them), so the lines are the same.
    public var lines: [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            result.append(text[start..<index])
            index = utf8.index(after: index)
            if byte == 0x0D, index != utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            start = index
        }
        result.append(text[start..<utf8.endIndex])
        if !isComplete, result.count > 1 { result.removeLast() }
        if result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    /// The first `count` lines that are not blank.
    public func firstNonBlankLines(_ count: Int) -> [Substring] {
        Array(lines.lazy.filter { !$0.allSatisfy(\.isWhitespace) }.prefix(count))
    }
}
