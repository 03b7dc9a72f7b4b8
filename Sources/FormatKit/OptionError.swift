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
