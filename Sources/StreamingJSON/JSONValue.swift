/// A whole JSON value held in memory, for the small parts of a document (metadata) where
/// a tree is simpler than tokens. ``JSONReader/readValue()`` builds one.
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    case number(JSONNumber)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// An object; keys are unique (the reader rejects repeats).
    case object([String: JSONValue])

    /// What the value is, for error messages (`a string`, `an object`).
    public var kindDescription: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
