import FormatKit

/// One way two tables differ.
public struct ProfileDifference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var field: ProfileField
    /// Where: `sample 'S1'`, `taxon 'g__Bacteroides'`, `sample 'S1', taxon '…'`, or empty for the table.
    public var subject: String
    public var expected: String
    public var actual: String

    public init(field: ProfileField, subject: String = "", expected: String, actual: String) {
        self.field = field
        self.subject = subject
        self.expected = expected
        self.actual = actual
    }

    public var description: String {
        "\(field.rawValue)\(subject.isEmpty ? "" : " [\(subject)]"): expected \(expected), got \(actual)"
    }
}
