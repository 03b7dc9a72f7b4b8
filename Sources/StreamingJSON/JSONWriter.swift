import FormatKit
import ProfileModel

/// Writes JSON text into an ``FormatKit/OutputSink``, inserting commas, colons and layout.
///
/// Each array or object is opened either compact (`[1,2]`, `{"a":1}`, no spaces) or
/// multi-line (every element or member on its own line, indented by ``indent`` spaces per
/// multi-line level, `"key": value`). Mixing the two gives layouts that diff well, such as
/// one object per line inside a multi-line array. The document ends with a newline.
///
/// Strings are escaped as RFC 8259 requires (`"`, `\` and U+0000–U+001F; the short forms
/// `\b \f \n \r \t` where they exist) and otherwise written as UTF-8. Numbers are written the
/// shortest way that reads back to the same `Double` (``ProfileModel/NumberFormatting/shortest(_:)``);
/// non-finite numbers cannot be written and are an ``FormatKit/ExportError/cannotRepresent(reason:)``.
public struct JSONWriter {
    /// How a `Double` is written.
    public enum NumberStyle: Sendable {
        /// The shortest round-trip text; integral values print as integers (`120`).
        case shortest
        /// As `shortest`, but integral values keep a fraction (`120.0`, `-0.0`), so that a
        /// reader can tell a floating-point value from an integer.
        case fractional
    }

    private struct Level {
        var multiline: Bool
        var count = 0
    }

    /// Spaces per multi-line nesting level.
    public let indent: Int
    private var levels: [Level] = []
    private var afterKey = false
    /// `"\n"` followed by the indentation of each depth, built as deeper levels are reached.
    private var lineBreaks: [[UInt8]] = []

    /// A writer at the start of a document.
    public init(indent: Int = 2) {
        self.indent = indent
    }

    /// Keys in the order this hub writes them: by UTF-8 bytes, which is Unicode code point
    /// order, as Python's `sort_keys` and `jq -S` sort them.
    public static func sortedKeys(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Opens an object.
    public mutating func beginObject(multiline: Bool = false, to sink: inout OutputSink) throws(ExportError) {
        try beforeValue(&sink)
        try sink.write(byte: UInt8(ascii: "{"))
        levels.append(Level(multiline: multiline))
    }

    /// Closes the innermost object.
    public mutating func endObject(to sink: inout OutputSink) throws(ExportError) {
        try close(UInt8(ascii: "}"), &sink)
    }

    /// Opens an array.
    public mutating func beginArray(multiline: Bool = false, to sink: inout OutputSink) throws(ExportError) {
        try beforeValue(&sink)
        try sink.write(byte: UInt8(ascii: "["))
        levels.append(Level(multiline: multiline))
    }

    /// Closes the innermost array.
    public mutating func endArray(to sink: inout OutputSink) throws(ExportError) {
        try close(UInt8(ascii: "]"), &sink)
    }

    /// Writes an object member's key; the member's value follows.
    public mutating func key(_ name: String, to sink: inout OutputSink) throws(ExportError) {
        try beforeValue(&sink)
        try Self.writeQuoted(name, to: &sink)
        try sink.write(levels.last?.multiline == true ? ": " : ":")
        afterKey = true
    }

    /// Writes a string.
    public mutating func string(_ text: String, to sink: inout OutputSink) throws(ExportError) {
        try beforeValue(&sink)
        try Self.writeQuoted(text, to: &sink)
        try afterValue(&sink)
    }

    /// Writes a finite number.
    public mutating func number(_ value: Double, style: NumberStyle = .shortest,
                                to sink: inout OutputSink) throws(ExportError) {
        guard value.isFinite else { throw .cannotRepresent(reason: "JSON cannot hold the non-finite number \(value)") }
        var text = NumberFormatting.shortest(value)
        if style == .fractional, !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }) {
            text = (value.sign == .minus && value == 0 ? "-" : "") + text + ".0"
        }
        try beforeValue(&sink)
        try sink.write(text)
        try afterValue(&sink)
    }

    /// Writes an integer.
    public mutating func integer(_ value: some BinaryInteger, to sink: inout OutputSink) throws(ExportError) {
        try beforeValue(&sink)
        try sink.write(String(value))
        try afterValue(&sink)
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool, to sink: inout OutputSink) throws(ExportError) {
        try beforeValue(&sink)
        try sink.write(value ? "true" : "false")
        try afterValue(&sink)
    }

    /// Writes `null`.
    public mutating func null(to sink: inout OutputSink) throws(ExportError) {
        try beforeValue(&sink)
        try sink.write("null")
        try afterValue(&sink)
    }

    /// Writes one complete value whose JSON text `body` writes straight into the sink, for
    /// bulk data formatted in large chunks (a BIOM table's millions of triples). The text must
    /// be exactly one valid JSON value; for a multi-line layout its inner line breaks are the
    /// caller's (``indent`` spaces per level, this value sitting at ``depth``).
    public mutating func encodedValue(to sink: inout OutputSink,
                                      _ body: (inout OutputSink) throws(ExportError) -> Void) throws(ExportError) {
        try beforeValue(&sink)
        try body(&sink)
        try afterValue(&sink)
    }

    /// How many arrays and objects are open.
    public var depth: Int { levels.count }

    /// Writes a whole value compactly, object keys sorted with ``sortedKeys(_:)`` and numbers
    /// as their original text.
    public mutating func value(_ value: JSONValue, to sink: inout OutputSink) throws(ExportError) {
        switch value {
        case .string(let text): try string(text, to: &sink)
        case .number(let number):
            try beforeValue(&sink)
            try sink.write(number.text)
            try afterValue(&sink)
        case .bool(let flag): try bool(flag, to: &sink)
        case .null: try null(to: &sink)
        case .array(let elements):
            try beginArray(to: &sink)
            for element in elements { try self.value(element, to: &sink) }
            try endArray(to: &sink)
        case .object(let members):
            try beginObject(to: &sink)
            for name in Self.sortedKeys(members.keys) {
                try key(name, to: &sink)
                try self.value(members[name]!, to: &sink)
            }
            try endObject(to: &sink)
        }
    }

    // MARK: - Layout

    /// Writes the separator and line break that come before a value or key.
    private mutating func beforeValue(_ sink: inout OutputSink) throws(ExportError) {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = levels.indices.last else { return }
        if levels[last].count > 0 { try sink.write(byte: UInt8(ascii: ",")) }
        levels[last].count += 1
        if levels[last].multiline { try newline(depth: levels.count, &sink) }
    }

    /// Ends the document with a newline once the top-level value is complete.
    private mutating func afterValue(_ sink: inout OutputSink) throws(ExportError) {
        if levels.isEmpty { try sink.write(byte: 0x0A) }
    }

    private mutating func close(_ bracket: UInt8, _ sink: inout OutputSink) throws(ExportError) {
        let level = levels.removeLast()
        if level.multiline, level.count > 0 { try newline(depth: levels.count, &sink) }
        try sink.write(byte: bracket)
        try afterValue(&sink)
    }

    private mutating func newline(depth: Int, _ sink: inout OutputSink) throws(ExportError) {
        while lineBreaks.count <= depth {
            lineBreaks.append([0x0A] + [UInt8](repeating: UInt8(ascii: " "), count: lineBreaks.count * indent))
        }
        try sink.write(lineBreaks[depth])
    }

    /// Writes `text` as a quoted JSON string.
    private static func writeQuoted(_ text: String, to sink: inout OutputSink) throws(ExportError) {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        try sink.write(bytes)
    }
}
