/// A detector's verdict on an input prefix.
public enum Detection: Sendable, Hashable {
    /// The input is this format, with a confidence in (0, 1] and the reason.
    case match(confidence: Double, reason: String)
    /// Could be this format, but the prefix does not say for sure.
    case unsure(reason: String)
    /// Not this format.
    case noMatch

    /// The confidence as a number: a match's own, 0.1 for unsure, 0 for no match.
    public var confidence: Double {
        switch self {
        case .match(let confidence, _): confidence
        case .unsure: 0.1
        case .noMatch: 0
        }
    }
}

/// One format's claim on an input, as ranked by ``FormatRegistry/detect(_:)``.
public struct DetectionCandidate: Sendable, Hashable, Codable {
    public var formatID: String
    public var confidence: Double
    public var reason: String
    /// Whether the file name has one of the format's extensions (breaks ties).
    public var extensionMatches: Bool

    public init(formatID: String, confidence: Double, reason: String, extensionMatches: Bool) {
        self.formatID = formatID
        self.confidence = confidence
        self.reason = reason
        self.extensionMatches = extensionMatches
    }
}
