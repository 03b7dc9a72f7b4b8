import Foundation

/// One conformance case: an input file, its companions, and what it must give.
///
/// A valid case `valid-<name>.<ext>` must import to its golden `valid-<name>.profile.json`;
/// an invalid case `invalid-<name>.<ext>` must fail as `invalid-<name>.error` declares.
/// A companion input of role `<role>` sits beside the case as `valid-<name>+<role>.<ext>`.
public struct ConformanceCase: Sendable, Hashable {
    /// Whether the case must import or must fail.
    public enum Kind: String, Sendable, Hashable, Codable {
        case valid, invalid
    }

    public var kind: Kind
    /// The name between `valid-`/`invalid-` and the first dot.
    public var name: String
    /// The main input file.
    public var input: URL
    /// Companion inputs by role.
    public var companions: [String: URL]

    public init(kind: Kind, name: String, input: URL, companions: [String: URL] = [:]) {
        self.kind = kind
        self.name = name
        self.input = input
        self.companions = companions
    }

    /// `valid-<name>` or `invalid-<name>`: how reports name the case.
    public var id: String { "\(kind.rawValue)-\(name)" }

    /// The golden profile JSON of a valid case (which may not exist yet).
    public var golden: URL {
        input.deletingLastPathComponent().appendingPathComponent("\(id).profile.json")
    }

    /// The expected-error file of an invalid case (which may not exist).
    public var expectedError: URL {
        input.deletingLastPathComponent().appendingPathComponent("\(id).error")
    }

    /// Whether the input is its own golden (a profile JSON case of the golden format itself).
    public var isOwnGolden: Bool { input.lastPathComponent == golden.lastPathComponent }
}
