/// A detector's verdict on an input prefix.
public enum Detection: Sendable, Hashable {
    /// The input is this format, with a confidence in (0, 1], the reason, and what the detector
    /// found on the way (a dialect, a header line), which the registry hands to `read`.
    case match(confidence: Double, reason: String, findings: DetectionFindings? = nil)
    /// Could be this format, but the prefix does not say for sure.
    case unsure(reason: String)
    /// Not this format.
    case noMatch

    /// The confidence as a number: a match's own, 0.1 for unsure, 0 for no match.
    public var confidence: Double {
        switch self {
        case .match(let confidence, _, _): confidence
        case .unsure: 0.1
        case .noMatch: 0
        }
    }

    /// A match's findings.
    public var findings: DetectionFindings? {
        if case .match(_, _, let findings) = self { return findings }
        return nil
    }
}

/// One format's claim on an input, as ranked by ``FormatRegistry/detect(_:)``.
public struct DetectionCandidate: Sendable, Hashable, Codable {
    public var formatID: String
    public var confidence: Double
    public var reason: String
    /// Whether the file name has one of the format's extensions (breaks ties).
    public var extensionMatches: Bool
    /// What the detector found, passed to the importer's `read` when this candidate wins.
    public var findings: DetectionFindings?

    public init(formatID: String, confidence: Double, reason: String, extensionMatches: Bool,
                findings: DetectionFindings? = nil) {
        self.formatID = formatID
        self.confidence = confidence
        self.reason = reason
        self.extensionMatches = extensionMatches
        self.findings = findings
    }

    private enum CodingKeys: String, CodingKey {
        case formatID, confidence, reason, extensionMatches
    }

    /// Candidates are shown by `mhub detect --json` without their findings, which are the
    /// detector's private hand-over to its reader.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(formatID: try container.decode(String.self, forKey: .formatID),
                  confidence: try container.decode(Double.self, forKey: .confidence),
                  reason: try container.decode(String.self, forKey: .reason),
                  extensionMatches: try container.decode(Bool.self, forKey: .extensionMatches))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatID, forKey: .formatID)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(reason, forKey: .reason)
        try container.encode(extensionMatches, forKey: .extensionMatches)
    }
}
