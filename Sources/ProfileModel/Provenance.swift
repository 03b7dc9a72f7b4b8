/// What a provenance step did. Every action the hub logs is declared here; plugins and
/// external tools may log their own with ``custom(_:)``.
public struct ProvenanceAction: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The action's name as written in profile JSON.
    public let rawValue: String

    private init(_ rawValue: String) { self.rawValue = rawValue }

    public static let `import` = ProvenanceAction("import")
    public static let export = ProvenanceAction("export")
    public static let toLeaves = ProvenanceAction("to-leaves")
    public static let convertUnit = ProvenanceAction("convert-unit")
    public static let selectSamples = ProvenanceAction("select-samples")
    public static let renameSamples = ProvenanceAction("rename-samples")
    public static let filterTaxa = ProvenanceAction("filter-taxa")
    public static let mapTaxa = ProvenanceAction("map-taxa")
    public static let collapse = ProvenanceAction("collapse")
    public static let concatenate = ProvenanceAction("concatenate")
    public static let reconcile = ProvenanceAction("reconcile")
    public static let addMetadata = ProvenanceAction("add-metadata")
    public static let sourcesAsMetadata = ProvenanceAction("sources-as-metadata")

    /// The actions the hub declares.
    public static let declared: [ProvenanceAction] = [
        .import, .export, .toLeaves, .convertUnit, .selectSamples, .renameSamples, .filterTaxa, .mapTaxa, .collapse, .concatenate,
        .reconcile, .addMetadata, .sourcesAsMetadata,
    ]

    private static let declaredByName = Dictionary(uniqueKeysWithValues: declared.map { ($0.rawValue, $0) })

    /// The declared action of this name, or a custom one.
    public init(name: String) { self = ProvenanceAction.declaredByName[name] ?? ProvenanceAction(name) }

    /// An action the hub does not declare (an external tool's own step).
    public static func custom(_ name: String) -> ProvenanceAction { ProvenanceAction(name: name) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(name: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// One step applied to a table: an import, a conversion, a reconciliation.
public struct ProvenanceStep: Sendable, Hashable, Codable {
    /// What was done.
    public var action: ProvenanceAction
    /// The format id involved, if any.
    public var format: String?
    /// Step parameters (file name, target unit, rank, counts of what changed, …).
    public var parameters: [String: String]

    public init(action: ProvenanceAction, format: String? = nil, parameters: [String: String] = [:]) {
        self.action = action
        self.format = format
        self.parameters = parameters
    }
}

/// Where a table came from and what has been done to it.
public struct Provenance: Sendable, Hashable {
    /// Table-level source facts: the default for every sample (``Sample/source`` overrides
    /// them per sample), plus the attributes a format carries (`generated-by`, `created`, …).
    public var source: SourceFacts
    /// Every import, conversion and reconciliation step, in order.
    public var steps: [ProvenanceStep]

    public init(source: SourceFacts = SourceFacts(), steps: [ProvenanceStep] = []) {
        self.source = source
        self.steps = steps
    }
}
