/// One setting a plugin takes, declared in its ``FormatDescription``: users pass it as
/// `--option name=value` on import and `--export-option name=value` on export.
///
/// The registry's import and export sessions check every given setting against the plugin's
/// declarations before the plugin runs, so a misspelt name or a value outside the allowed set
/// is a usage error that names the nearest declared option, never a setting silently ignored.
public struct PluginOption: Sendable, Hashable, Codable {
    /// What values the option takes.
    public enum Kind: Sendable, Hashable {
        /// One of these words.
        case choice([String])
        /// A whole number in this range.
        case integer(ClosedRange<Int>)
        /// Any non-empty text.
        case text
    }

    /// The name users type (`orientation`, `matrix-type`).
    public var name: String
    public var kind: Kind
    /// The value in force when the option is not given, if there is one (`nil` when the plugin
    /// decides from the input, such as a detected orientation).
    public var defaultValue: String?
    /// What the option does, in one line.
    public var help: String

    public init(name: String, kind: Kind, defaultValue: String? = nil, help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    /// A choice among the raw values of an enumeration.
    public static func choice<Value: CaseIterable & RawRepresentable>(
        _ name: String, of type: Value.Type, defaultValue: Value? = nil, help: String
    ) -> PluginOption where Value.RawValue == String {
        PluginOption(name: name, kind: .choice(type.allCases.map(\.rawValue)), defaultValue: defaultValue?.rawValue, help: help)
    }

    /// Why `value` is not allowed, or `nil` when it is.
    public func problem(with value: String) -> String? {
        switch kind {
        case .choice(let values):
            values.contains(value) ? nil : "must be one of \(values.joined(separator: ", "))"
        case .integer(let range):
            Int(value).map(range.contains) == true ? nil : "must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .text:
            value.isEmpty ? "must not be empty" : nil
        }
    }

    /// The allowed values as one phrase (`sparse | dense`, `0…9`, `text`).
    public var allowedValues: String {
        switch kind {
        case .choice(let values): values.joined(separator: " | ")
        case .integer(let range): "\(range.lowerBound)…\(range.upperBound)"
        case .text: "text"
        }
    }

    /// The values a test of every setting should try: each choice, and the ends of an integer range.
    public var representativeValues: [String] {
        switch kind {
        case .choice(let values): values
        case .integer(let range): [String(range.lowerBound), String(range.upperBound)]
        case .text: []
        }
    }

    // MARK: Codable, as external plugins declare options in `describe`

    private enum CodingKeys: String, CodingKey {
        case name, type, values, minimum, maximum, `default`, help
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        help = try container.decode(String.self, forKey: .help)
        defaultValue = try container.decodeIfPresent(String.self, forKey: .default)
        switch try container.decode(String.self, forKey: .type) {
        case "choice":
            kind = .choice(try container.decode([String].self, forKey: .values))
        case "integer":
            let minimum = try container.decode(Int.self, forKey: .minimum)
            let maximum = try container.decode(Int.self, forKey: .maximum)
            guard minimum <= maximum else {
                throw DecodingError.dataCorruptedError(forKey: .maximum, in: container,
                                                       debugDescription: "maximum \(maximum) is below minimum \(minimum)")
            }
            kind = .integer(minimum...maximum)
        case "text":
            kind = .text
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container,
                                                   debugDescription: "option type '\(other)' is not choice, integer or text")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(help, forKey: .help)
        try container.encodeIfPresent(defaultValue, forKey: .default)
        switch kind {
        case .choice(let values):
            try container.encode("choice", forKey: .type)
            try container.encode(values, forKey: .values)
        case .integer(let range):
            try container.encode("integer", forKey: .type)
            try container.encode(range.lowerBound, forKey: .minimum)
            try container.encode(range.upperBound, forKey: .maximum)
        case .text:
            try container.encode("text", forKey: .type)
        }
    }
}
