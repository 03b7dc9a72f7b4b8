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
    /// The number exactly as written (`-0`, `1.50`, `2E+3`).
    public let text: String
    /// The correctly rounded `Double` value; always finite (the reader rejects overflow).
    public let double: Double
    /// The exact value when ``isIntegerLiteral`` and within `Int64`; otherwise `nil`.
    public let int64: Int64?
    /// Whether the text has neither a fraction nor an exponent (`5`, not `5.0` or `5e0`).
    public let isIntegerLiteral: Bool

    public init(text: String, double: Double, int64: Int64?, isIntegerLiteral: Bool) {
        self.text = text
        self.double = double
        self.int64 = int64
        self.isIntegerLiteral = isIntegerLiteral
    }

    public var description: String { text }
}
