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
