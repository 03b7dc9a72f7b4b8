/// One token of a JSON text, as ``JSONReader/next()`` returns them.
///
/// Object members come as a ``key(_:)`` token followed by the member's value; commas and
/// colons are checked by the reader and never returned.
public enum JSONToken: Sendable, Hashable, CustomStringConvertible {
    case beginObject
    case endObject
    case beginArray
    case endArray
    /// An object member's key, escapes decoded.
    case key(String)
    /// A string value, escapes decoded.
    case string(String)
    case number(JSONNumber)
    case bool(Bool)
    case null
    /// The end of the input, after the one top-level value.
    case endOfInput

    /// What the token is, for error messages (`a string`, `'['`, `the end of the input`).
    public var description: String {
        switch self {
        case .beginObject: "'{'"
        case .endObject: "'}'"
        case .beginArray: "'['"
        case .endArray: "']'"
        case .key(let name): "the key \"\(name)\""
        case .string: "a string"
        case .number(let number): "the number \(number.text)"
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .endOfInput: "the end of the input"
        }
    }
}

/// A JSON number: its text as written, its value as the nearest `Double`, and its exact
/// value as an `Int64` when it was written as an integer that fits.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The correctly rounded `Double` value; always finite (the reader rejects overflow).
    public let double: Double
    /// The exact value when ``isIntegerLiteral`` and within `Int64`; otherwise `nil`.
    public let int64: Int64?
    /// Whether the text has neither a fraction nor an exponent (`5`, not `5.0` or `5e0`).
    public let isIntegerLiteral: Bool
    private let storedText: NumberText

    /// A number with its text and values as given (for tests and for values built in code).
    public init(text: String, double: Double, int64: Int64?, isIntegerLiteral: Bool) {
        self.double = double
        self.int64 = int64
        self.isIntegerLiteral = isIntegerLiteral
        storedText = text.utf8.withContiguousStorageIfAvailable(NumberText.init) ?? .long(text)
    }

    /// A number read from `text`, its ASCII bytes in the input.
    init(text: UnsafeBufferPointer<UInt8>, parsed: ParsedNumber) {
        double = parsed.double
        int64 = parsed.int64
        isIntegerLiteral = parsed.isIntegerLiteral
        storedText = NumberText(text)
    }

    /// The number exactly as written (`-0`, `1.50`, `2E+3`).
    public var text: String { storedText.string }

    public var description: String { text }
}

/// A number's text, kept in two machine words when it fits, so that reading numbers
/// allocates nothing; made into a `String` only when asked for.
private enum NumberText: Sendable, Hashable {
    /// Up to 16 bytes, copied into two words, with their count.
    case short(UInt64, UInt64, count: UInt8)
    case long(String)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 16 else {
            self = .long(String(decoding: bytes, as: UTF8.self))
            return
        }
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        self = .short(words.0, words.1, count: UInt8(bytes.count))
    }

    var string: String {
        switch self {
        case .short(let low, let high, let count):
            var words = (low, high)
            return withUnsafeBytes(of: &words) { String(decoding: $0.prefix(Int(count)), as: UTF8.self) }
        case .long(let text):
            return text
        }
    }
}
