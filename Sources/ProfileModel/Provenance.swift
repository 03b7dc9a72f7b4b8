/// One step applied to a table: an import, a conversion, a reconciliation.
public struct ProvenanceStep: Sendable, Hashable, Codable {
    /// What was done (`import`, `convert-unit`, `to-leaves`, `export`, …).
    public var action: String
    /// The format id involved, if any.
    public var format: String?
    /// Step parameters (file name, target unit, tool version, …).
    public var parameters: [String: String]

    public init(action: String, format: String? = nil, parameters: [String: String] = [:]) {
        self.action = action
        self.format = format
        self.parameters = parameters
    }
}

/// Where a table came from and what has been done to it.
public struct Provenance: Sendable, Hashable, Codable {
    /// Facts about the source, keyed by stable names: `lab`, `vendor`, `assay`, `pipeline`,
    /// `pipeline-version`, `database`, `database-version`, `source-format`, `source-file`,
    /// plus whatever table-level attributes a format carries (`generated-by`, `created`, …).
    public var source: [String: String]
    /// Every import, conversion and reconciliation step, in order.
    public var steps: [ProvenanceStep]

    public init(source: [String: String] = [:], steps: [ProvenanceStep] = []) {
        self.source = source
        self.steps = steps
    }
}
