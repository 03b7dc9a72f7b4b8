/// The key-value pairs printed above a table's header (`Sample ID: 123`).
struct PreambleValues {
    /// Values by normalized key, in the order seen (first occurrence wins).
    private(set) var values: [String: String] = [:]

    init(lines: [[UInt8]], layout: TableLayout, dialect: TableDialect) {
        let separator = layout.preamble?.separator ?? ":"
        for line in lines {
            let fields = FieldSplitting.split(line, delimiter: dialect.delimiter, quote: dialect.quote).fields
                .map { TextCells.trim(String(decoding: $0, as: UTF8.self)) }
            let filled = fields.filter { !$0.isEmpty }
            guard let first = filled.first else { continue }
            var key = first
            var value = filled.count > 1 ? filled[1] : ""
            if let range = first.range(of: separator) {
                key = String(first[..<range.lowerBound])
                let rest = TextCells.trim(String(first[range.upperBound...]))
                if !rest.isEmpty { value = rest }
            } else if filled.count < 2 {
                continue
            }
            let normalized = HeaderCells.normalized(key)
            if !normalized.isEmpty, values[normalized] == nil { values[normalized] = value }
        }
    }

    /// Records `value` for `key` (first occurrence wins, as for printed lines).
    mutating func set(_ value: String, for key: String) {
        let normalized = HeaderCells.normalized(key)
        if !normalized.isEmpty, values[normalized] == nil { values[normalized] = value }
    }

    /// The value printed for `key` (case-insensitive).
    func value(for key: String) -> String? { values[HeaderCells.normalized(key)] }
}
