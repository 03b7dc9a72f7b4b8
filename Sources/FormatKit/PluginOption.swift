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

/// Whether an option is given on import or on export.
public enum OptionDirection: String, Sendable, Hashable, Codable {
    case `import`, export

    /// The command-line flag that passes such options.
    public var flag: String { self == .import ? "--option" : "--export-option" }
}

/// A setting the plugin does not declare, or a value its declaration does not allow: a usage error.
public enum OptionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No option of this name; `suggestion` is the nearest declared name, if one is near.
    case unknown(format: String, direction: OptionDirection, name: String, suggestion: String?, declared: [String])
    /// The option exists but does not take this value.
    case invalidValue(format: String, direction: OptionDirection, name: String, value: String, problem: String)

    public var description: String {
        switch self {
        case .unknown(let format, let direction, let name, let suggestion, let declared):
            let known = declared.isEmpty ? "it takes no \(direction.rawValue) options"
                : "it takes \(declared.joined(separator: ", "))"
            let guess = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "\(format) has no \(direction.rawValue) option '\(name)' (\(direction.flag)); \(known)\(guess)"
        case .invalidValue(let format, let direction, let name, let value, let problem):
            return "\(format) \(direction.rawValue) option \(name)=\(value): the value \(problem)"
        }
    }
}

/// The declared options of one direction, checking and reading what users pass.
public struct OptionDeclarations: Sendable, Hashable {
    public let format: String
    public let direction: OptionDirection
    public let options: [PluginOption]

    public init(format: String, direction: OptionDirection, options: [PluginOption]) {
        self.format = format
        self.direction = direction
        self.options = options
    }

    /// Fails on the first given setting (in name order) that is not declared or not allowed.
    public func validate(_ parameters: [String: String]) throws(OptionError) {
        for name in parameters.keys.sorted() {
            guard let option = options.first(where: { $0.name == name }) else {
                throw .unknown(format: format, direction: direction, name: name,
                               suggestion: Self.nearest(to: name, among: options.map(\.name)), declared: options.map(\.name))
            }
            if let problem = option.problem(with: parameters[name]!) {
                throw .invalidValue(format: format, direction: direction, name: name, value: parameters[name]!, problem: problem)
            }
        }
    }

    /// The declared name closest to `name` by edit distance, when it is close enough to be a
    /// typo: at most a third of the longer name's letters (and at least 1) differ.
    static func nearest(to name: String, among names: [String]) -> String? {
        let scored = names.map { ($0, EditDistance.between(name, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowed = max(1, max(name.count, best.0.count) / 3)
        return best.1 <= allowed ? best.0 : nil
    }
}

/// Levenshtein distance, for option-name suggestions.
enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions from `a` to `b`.
    static func between(_ a: String, _ b: String) -> Int {
        let first = Array(a), second = Array(b)
        guard !first.isEmpty else { return second.count }
        var previous = Array(0...second.count)
        for (i, character) in first.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: second.count)
            for (j, other) in second.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (character == other ? 0 : 1))
            }
            previous = current
        }
        return previous[second.count]
    }
}

/// Typed reading of validated settings, shared by ``ImportOptions`` and ``ExportOptions``.
public protocol PluginSettings {
    /// The `name=value` settings as given.
    var parameters: [String: String] { get }
}

extension PluginSettings {
    /// The given value of `option`, else its default.
    public func value(of option: PluginOption) -> String? {
        parameters[option.name] ?? option.defaultValue
    }

    /// The value of a choice option as the enumeration it names; `nil` when neither given nor defaulted.
    /// A value outside the enumeration (a caller that skipped the session's validation) fails.
    public func choice<Value: RawRepresentable>(_ option: PluginOption, as type: Value.Type,
                                                format: String, direction: OptionDirection) throws(OptionError) -> Value?
    where Value.RawValue == String {
        guard let text = value(of: option) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw .invalidValue(format: format, direction: direction, name: option.name, value: text,
                                problem: option.problem(with: text) ?? "is not recognised")
        }
        return value
    }

    /// The value of an integer option; `nil` when neither given nor defaulted.
    public func integer(_ option: PluginOption, format: String, direction: OptionDirection) throws(OptionError) -> Int? {
        guard let text = value(of: option) else { return nil }
        if let problem = option.problem(with: text) {
            throw .invalidValue(format: format, direction: direction, name: option.name, value: text, problem: problem)
        }
        return Int(text)
    }
}
