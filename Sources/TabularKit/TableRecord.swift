/// One record of a delimited table: its fields (quotes removed) and where each field starts.
public struct TableRecord: Sendable {
    /// The 1-based line the record starts on.
    public let line: Int
    /// The record as read (several lines joined by `\n` when a quoted field spans lines).
    let raw: [UInt8]
    /// The bytes the fields are cut from (`raw` itself when no field was quoted).
    private let content: [UInt8]
    /// Field `i` is `content[bounds[i]]`.
    private let bounds: [Range<Int>]
    /// Byte offset in `raw` where each field starts.
    let starts: [Int]

    init(line: Int, raw: [UInt8], split: FieldSplitting.Split) {
        self.init(line: line, raw: raw, content: split.content, bounds: split.bounds, starts: split.starts)
    }

    private init(line: Int, raw: [UInt8], content: [UInt8], bounds: [Range<Int>], starts: [Int]) {
        self.line = line
        self.raw = raw
        self.content = content
        self.bounds = bounds
        self.starts = starts
    }

    /// The number of fields.
    public var count: Int { bounds.count }

    /// Field `index`'s contents as UTF-8 bytes.
    public func field(_ index: Int) -> ArraySlice<UInt8> { content[bounds[index]] }

    /// Whether field `index` is a plainly written zero (see ``NumberCells/isPlainZero(_:decimalMark:)``).
    @inline(__always)
    func isPlainZero(_ index: Int, decimalMark: UInt8) -> Bool {
        content.withUnsafeBufferPointer { bytes in
            NumberCells.isPlainZero(bytes[bounds[index]], decimalMark: decimalMark)
        }
    }

    /// The record with empty fields appended up to `count` fields.
    func padded(to count: Int) -> TableRecord {
        guard bounds.count < count else { return self }
        let missing = count - bounds.count
        return TableRecord(line: line, raw: raw, content: content,
                           bounds: bounds + Array(repeating: content.count..<content.count, count: missing),
                           starts: starts + Array(repeating: raw.count + 1, count: missing))
    }

    /// A header of empty names for a table that has none; `line` is the line before the data.
    static func unnamedHeader(fieldCount: Int, line: Int) -> TableRecord {
        TableRecord(line: max(line, 1), raw: [], content: [], bounds: Array(repeating: 0..<0, count: fieldCount),
                    starts: Array(repeating: 0, count: fieldCount))
    }

    /// Field `index` as text.
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Field `index` as text with surrounding spaces and tabs removed.
    public func trimmed(_ index: Int) -> String {
        TextCells.trim(string(index))
    }

    /// Whether every field is empty or whitespace (a blank line, or only delimiters).
    public var isBlank: Bool {
        bounds.allSatisfy { content[$0].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// The 1-based line and character column where field `index` starts; one past the end of
    /// the record for an index beyond the last field.
    public func position(ofField index: Int) -> (line: Int, column: Int) {
        let offset = index < starts.count ? starts[index] : raw.count + 1
        var line = self.line
        var lineStart = 0
        for position in 0..<min(offset, raw.count) where raw[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        // Count characters, not bytes: UTF-8 continuation bytes do not start a character.
        let end = min(offset, raw.count)
        var column = 1
        if lineStart < end {
            for position in lineStart..<end where raw[position] & 0xC0 != 0x80 { column += 1 }
        }
        if offset > raw.count { column += offset - raw.count }
        return (line, column)
    }
}

/// Small text helpers shared by the tabular readers and writers.
public enum TextCells {
    /// The tab-separated fields of a line, empty fields kept. Splits on the UTF-8 bytes (a tab
    /// is never part of another character), several times faster than splitting on Characters.
    public static func tabFields<Line: StringProtocol>(_ line: Line) -> [Substring] where Line.SubSequence == Substring {
        let whole = line[...]
        return whole.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// `text` without leading and trailing spaces, tabs and no-break spaces.
    public static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = text.lastIndex(where: { !isSpace($0) })!
        return String(text[first...last])
    }

    /// Whether `bytes` are valid UTF-8.
    public static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if byte < 0x80 { continue }
            let extra: Int
            let minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: extra = 1; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: extra = 2; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: extra = 3; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: return false
            }
            for _ in 0..<extra {
                guard let next = iterator.next(), next & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return false }
        }
        return true
    }
}
