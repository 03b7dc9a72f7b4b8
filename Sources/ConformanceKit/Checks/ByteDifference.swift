/// Where two byte strings first differ, described by byte offset, line and the two lines.
struct ByteDifference: CustomStringConvertible {
    var offset: Int
    var line: Int
    var firstLine: String
    var secondLine: String

    /// The first difference between `first` and `second`, or `nil` when they are identical.
    static func first(_ first: [UInt8], _ second: [UInt8]) -> ByteDifference? {
        guard first != second else { return nil }
        let common = min(first.count, second.count)
        let offset = (0..<common).first { first[$0] != second[$0] } ?? common
        let line = first.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        return ByteDifference(offset: offset, line: line, firstLine: lineText(first, around: offset),
                              secondLine: lineText(second, around: offset))
    }

    var description: String {
        "at byte \(offset) (line \(line)): '\(firstLine)' versus '\(secondLine)'"
    }

    /// The line containing `offset`, shortened to 80 characters.
    private static func lineText(_ bytes: [UInt8], around offset: Int) -> String {
        guard offset < bytes.count else { return "<end of data>" }
        let start = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let end = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}
