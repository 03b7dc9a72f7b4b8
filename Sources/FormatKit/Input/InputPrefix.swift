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
    public var lines: [Substring] {
        var result = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if !isComplete, result.count > 1 { result.removeLast() }
        if result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    /// The first `count` lines that are not blank.
    public func firstNonBlankLines(_ count: Int) -> [Substring] {
        Array(lines.lazy.filter { !$0.allSatisfy(\.isWhitespace) }.prefix(count))
    }
}
