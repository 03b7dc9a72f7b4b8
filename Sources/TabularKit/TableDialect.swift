/// How a delimited text table is written: field delimiter, decimal mark and quote character.
public struct TableDialect: Sendable, Hashable, CustomStringConvertible {
    /// The field delimiter: tab, `,`, `;` or `|`.
    public var delimiter: UInt8
    /// The decimal mark of numbers: `.` or `,` (European spreadsheets).
    public var decimalMark: UInt8
    /// The quote character of RFC 4180 quoting, or `nil` when quotes are ordinary characters.
    public var quote: UInt8?

    public init(delimiter: UInt8, decimalMark: UInt8 = UInt8(ascii: "."), quote: UInt8? = UInt8(ascii: "\"")) {
        self.delimiter = delimiter
        self.decimalMark = decimalMark
        self.quote = quote
    }

    /// The delimiters the sniffer considers, in order of preference on a tie.
    public static let candidateDelimiters: [UInt8] = [UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|")]

    /// The delimiter's name as descriptors and messages write it (`tab`, `comma`, `semicolon`, `pipe`).
    public static func name(ofDelimiter delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "|"): "pipe"
        default: String(UnicodeScalar(delimiter))
        }
    }

    /// The delimiter for a name (`tab`, `comma`, `semicolon`, `pipe`) or a one-character string.
    public static func delimiter(named name: String) -> UInt8? {
        switch name.lowercased() {
        case "tab", "\t": UInt8(ascii: "\t")
        case "comma", ",": UInt8(ascii: ",")
        case "semicolon", ";": UInt8(ascii: ";")
        case "pipe", "|": UInt8(ascii: "|")
        default: nil
        }
    }

    public var description: String {
        "delimiter \(Self.name(ofDelimiter: delimiter)), decimal mark '\(Character(UnicodeScalar(decimalMark)))'"
    }
}

/// Which parts of a dialect are fixed in advance; `nil` parts are sniffed from the input.
public struct DialectSettings: Sendable, Hashable {
    public var delimiter: UInt8?
    public var decimalMark: UInt8?
    public var quote: UInt8?
    /// Whether quoting is switched off entirely (`quote: none` in a descriptor).
    public var quotingDisabled: Bool

    public init(delimiter: UInt8? = nil, decimalMark: UInt8? = nil, quote: UInt8? = nil, quotingDisabled: Bool = false) {
        self.delimiter = delimiter
        self.decimalMark = decimalMark
        self.quote = quote
        self.quotingDisabled = quotingDisabled
    }

    /// The quote character in force.
    var effectiveQuote: UInt8? { quotingDisabled ? nil : (quote ?? UInt8(ascii: "\"")) }
}
