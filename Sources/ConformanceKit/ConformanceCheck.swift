/// The checks the kit runs on every plugin, in the order it runs and reports them.
///
/// The plugin author guide (`Formats/PLUGIN_GUIDE.md`) numbers its requirements in this order.
public enum ConformanceCheck: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every valid case is detected as the plugin's format, and no other plugin claims it as strongly.
    case detect
    /// Every valid case imports to its golden profile.
    case `import`
    /// Every invalid case fails with its declared error code (and line), without crash, hang or table.
    case reject
    /// Every reference table exports and re-imports equal, modulo declared losses.
    case roundTrip = "round-trip"
    /// The same export twice is byte-identical.
    case deterministic
    /// Valid cases still import to their golden after CRLF, BOM, gzip and other mutations, and
    /// truncations fail with a typed error or import, within the time bound.
    case mutations
    /// The plugin has the cases the other checks need.
    case coverage
}

/// The outcome of one checked item.
public enum Verdict: String, Sendable, Hashable, Codable {
    case passed, failed, skipped
}

/// Names one item of a battery: a check applied to one subject (a case, a case under a
/// mutation, a reference table, or the case folder as a whole).
public struct ItemKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public var check: ConformanceCheck
    /// `valid-basic`, `valid-basic [crlf]`, `reference counts-leaves`, `cases`.
    public var subject: String

    public init(check: ConformanceCheck, subject: String) {
        self.check = check
        self.subject = subject
    }

    public var description: String { "\(check.rawValue) · \(subject)" }
}

/// The result of one item.
public struct CheckItem: Sendable, Hashable, Codable {
    public var key: ItemKey
    public var verdict: Verdict
    /// Why it failed or was skipped, or a note on a pass; may span several lines.
    public var message: String

    public init(_ key: ItemKey, _ verdict: Verdict, _ message: String = "") {
        self.key = key
        self.verdict = verdict
        self.message = message
    }

    public var check: ConformanceCheck { key.check }
    public var subject: String { key.subject }
}
