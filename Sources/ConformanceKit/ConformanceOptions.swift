import FormatKit
import Foundation

/// The id of the format goldens and reference tables are written in.
public let goldenFormatID = "mhub-json"

/// A plugin that both reads and writes: what goldens and reference tables need.
public typealias ProfileCodec = ProfileImporter & ProfileExporter

/// How a battery runs.
public struct ConformanceOptions: Sendable {
    /// Seconds any single plugin call (detect, import, export) may take before it counts as a hang.
    public var timeLimit: Double
    /// Re-record goldens instead of checking them; every recorded case fails so recording is never silent.
    public var record: Bool
    /// Tolerances for comparing tables.
    public var rules: ComparisonRules
    /// How many differences a failure message lists.
    public var shownDifferences: Int
    /// The settings every export of the battery uses (each declared option is also tried with its other values).
    public var exportOptions: ExportOptions

    public init(timeLimit: Double = 30, record: Bool = false, rules: ComparisonRules = .exact, shownDifferences: Int = 10,
                exportOptions: ExportOptions = ExportOptions()) {
        self.timeLimit = timeLimit
        self.record = record
        self.rules = rules
        self.shownDifferences = shownDifferences
        self.exportOptions = exportOptions
    }

    /// Whether the environment asks to re-record goldens (`MHUB_RECORD=1`).
    public static func recordingRequested(in environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["MHUB_RECORD"] == "1"
    }
}

/// Everything a battery checks a plugin against: the registry it must be detected in, the
/// codec goldens are written in, and the reference tables exporters must carry.
public struct ConformanceEnvironment: Sendable {
    public var registry: FormatRegistry
    public var golden: any ProfileCodec
    /// The folder of reference tables (`Conformance/reference/`), if one was found.
    public var referenceDirectory: URL?
    public var options: ConformanceOptions

    public init(registry: FormatRegistry, golden: any ProfileCodec, referenceDirectory: URL?,
                options: ConformanceOptions = ConformanceOptions()) {
        self.registry = registry
        self.golden = golden
        self.referenceDirectory = referenceDirectory
        self.options = options
    }

    /// An environment whose golden codec is the registry's `mhub-json` plugin.
    public init(registry: FormatRegistry, referenceDirectory: URL?,
                options: ConformanceOptions = ConformanceOptions()) throws(ConformanceSetupError) {
        guard let codec = registry.plugin(id: goldenFormatID) as? any ProfileCodec else {
            throw .noGoldenCodec(goldenFormatID)
        }
        self.init(registry: registry, golden: codec, referenceDirectory: referenceDirectory, options: options)
    }
}

/// Why a conformance run could not start.
public enum ConformanceSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The registry has no plugin that reads and writes the golden format.
    case noGoldenCodec(String)
    /// No plugin with this id.
    case unknownFormat(String)
    /// The worker request could not be decoded.
    case badWorkerRequest(String)

    public var description: String {
        switch self {
        case .noGoldenCodec(let id): "no importer and exporter for the golden format '\(id)' is registered"
        case .unknownFormat(let id): "no format with id '\(id)' (see `mhub formats`)"
        case .badWorkerRequest(let reason): "bad worker request: \(reason)"
        }
    }
}
