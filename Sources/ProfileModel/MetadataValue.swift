/// A typed metadata value of a sample or taxon.
///
/// Scalars cover what lab reports carry (text, numbers, dates, yes/no); `list` and
/// `object` hold the structured metadata BIOM tables carry, so that nothing is flattened away.
public enum MetadataValue: Sendable, Hashable, Codable {
    case string(String)
    case integer(Int64)
    case number(Double)
    /// An ISO 8601 date or date-time, kept as written (`2016-07-29`).
    case date(String)
    case bool(Bool)
    case list([MetadataValue])
    case object([String: MetadataValue])
    case null

    /// The value as plain text, for formats that only carry strings.
    public var text: String {
        switch self {
        case .string(let value), .date(let value): value
        case .integer(let value): String(value)
        case .number(let value): NumberFormatting.shortest(value)
        case .bool(let value): value ? "true" : "false"
        case .list(let values): values.map(\.text).joined(separator: "; ")
        case .object(let values): values.keys.sorted().map { "\($0)=\(values[$0]!.text)" }.joined(separator: "; ")
        case .null: ""
        }
    }

    /// Infers the type of a metadata cell as written in a text table:
    /// integers, decimals, `true`/`false`, ISO dates, otherwise text. Empty cells are `null`.
    public static func inferred(from text: String) -> MetadataValue {
        if text.isEmpty { return .null }
        if let integer = Int64(text), String(integer) == text { return .integer(integer) }
        if let number = Double(text), number.isFinite,
           text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) {
            return .number(number)
        }
        switch text.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        if isISODate(text) { return .date(text) }
        return .string(text)
    }

    /// `YYYY-MM-DD`, optionally followed by `T` and a time.
    static func isISODate(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        guard chars.count >= 10 else { return false }
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digitPositions.allSatisfy({ chars[$0] >= 48 && chars[$0] <= 57 }),
              chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-") else { return false }
        return chars.count == 10 || chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " ")
    }
}
