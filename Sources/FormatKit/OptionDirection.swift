/// Whether an option is given on import or on export.
public enum OptionDirection: String, Sendable, Hashable, Codable {
    case `import`, export

    /// The command-line flag that passes such options.
    public var flag: String { self == .import ? "--option" : "--export-option" }
}
