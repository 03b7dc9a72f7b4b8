import FormatKit
import Foundation

/// The results of one plugin's battery.
public struct PluginReport: Sendable, Hashable, Codable {
    public var formatID: String
    public var kind: PluginKind
    /// The case folder the battery used.
    public var casesDirectory: String
    /// Every item, in the order it ran.
    public var items: [CheckItem]

    public init(formatID: String, kind: PluginKind, casesDirectory: String, items: [CheckItem]) {
        self.formatID = formatID
        self.kind = kind
        self.casesDirectory = casesDirectory
        self.items = items
    }

    /// A check's overall verdict: failed if any item failed, passed if any passed, skipped
    /// if every item was skipped, `nil` when the check has no items.
    public func verdict(of check: ConformanceCheck) -> Verdict? {
        let verdicts = items.filter { $0.check == check }.map(\.verdict)
        if verdicts.contains(.failed) { return .failed }
        if verdicts.contains(.passed) { return .passed }
        return verdicts.isEmpty ? nil : .skipped
    }

    /// The failed items.
    public var failures: [CheckItem] { items.filter { $0.verdict == .failed } }

    /// Whether no item failed.
    public var passed: Bool { failures.isEmpty }
}

/// The results of a conformance run over one or more plugins.
public struct ConformanceReport: Sendable, Hashable, Codable {
    public var plugins: [PluginReport]

    public init(plugins: [PluginReport]) {
        self.plugins = plugins
    }

    /// Whether every plugin passed every check.
    public var passed: Bool { plugins.allSatisfy(\.passed) }

    /// The report as JSON, keys sorted, for `--json`.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every field is a string, number, array or object: encoding cannot fail.
        return try! encoder.encode(self)
    }
}

extension CheckItem {
    private enum CodingKeys: String, CodingKey {
        case check, subject, verdict, message
    }

    /// Items encode flat: `{"check": "import", "subject": "valid-basic", "verdict": "passed", "message": "…"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(check, forKey: .check)
        try container.encode(subject, forKey: .subject)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(message, forKey: .message)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(ItemKey(check: try container.decode(ConformanceCheck.self, forKey: .check),
                          subject: try container.decode(String.self, forKey: .subject)),
                  try container.decode(Verdict.self, forKey: .verdict),
                  try container.decode(String.self, forKey: .message))
    }
}
