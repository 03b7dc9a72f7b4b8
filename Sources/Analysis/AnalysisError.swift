import ProfileModel

/// Why an analysis could not run. Each case has a stable code for scripts and tests.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A metric or transform needs genuine integer counts, and the table holds something else.
    case countsRequired(metric: String, unit: AbundanceUnit, hint: String)
    /// A metric id that the engine does not offer.
    case unknownMetric(kind: String, id: String, known: [String])
    /// A parameter outside its allowed range.
    case invalidParameter(name: String, reason: String)
    /// The table has no taxon at the requested rank.
    case rankNotPresent(Rank, present: [Rank])
    /// A data file the engine ships or was given is malformed.
    case malformedData(file: String, line: Int, reason: String)
    /// A model transform (collapse to a rank) refused the table.
    case transformFailed(reason: String)

    /// The stable error code.
    public var code: String {
        switch self {
        case .countsRequired: "analysis.counts-required"
        case .unknownMetric: "analysis.unknown-metric"
        case .invalidParameter: "analysis.invalid-parameter"
        case .rankNotPresent: "analysis.rank-not-present"
        case .malformedData: "analysis.malformed-data"
        case .transformFailed: "analysis.transform-failed"
        }
    }

    public var description: String {
        switch self {
        case .countsRequired(let metric, let unit, let hint):
            "error [\(code)]: \(metric) needs integer counts, but the table is \(unit) (hint: \(hint))"
        case .unknownMetric(let kind, let id, let known):
            "error [\(code)]: unknown \(kind) metric '\(id)' (known: \(known.joined(separator: ", ")))"
        case .invalidParameter(let name, let reason):
            "error [\(code)]: \(name): \(reason)"
        case .rankNotPresent(let rank, let present):
            "error [\(code)]: no taxon is named at rank \(rank.rawValue) (present: \(present.map(\.rawValue).joined(separator: ", ")))"
        case .malformedData(let file, let line, let reason):
            "\(file):\(line): error [\(code)]: \(reason)"
        case .transformFailed(let reason):
            "error [\(code)]: \(reason)"
        }
    }
}
