/// A non-fatal finding about a table, with a stable dotted code (`abundance.sum-over-100`).
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious the finding is; `--strict` turns warnings into failures.
    public enum Severity: String, Sendable, Hashable, Codable {
        case info, warning
    }

    public var code: String
    public var severity: Severity
    public var message: String
    /// The sample the finding concerns, if one.
    public var sample: String?
    /// The taxon (feature id) the finding concerns, if one.
    public var taxon: String?
    /// Where in the source, as `file:line` or a path, if known.
    public var location: String?

    public init(code: String, severity: Severity = .warning, message: String,
                sample: String? = nil, taxon: String? = nil, location: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.sample = sample
        self.taxon = taxon
        self.location = location
    }

    public var description: String {
        var parts = ["\(severity.rawValue): \(code): \(message)"]
        if let sample { parts.append("sample \(sample)") }
        if let taxon { parts.append("taxon \(taxon)") }
        if let location { parts.append("at \(location)") }
        return MessageText.escaped(parts.joined(separator: "; "))
    }
}
