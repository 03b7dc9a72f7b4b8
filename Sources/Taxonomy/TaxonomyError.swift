/// A failure reading reference taxonomy data, with the file (and line) and a hint.
public enum TaxonomyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file could not be opened or read.
    case io(file: String, reason: String)
    /// A line does not have the layout of its format.
    case malformed(file: String, line: Int, reason: String, hint: String)

    /// A stable code for the kind of failure.
    public var code: String {
        switch self {
        case .io: "taxonomy.io"
        case .malformed: "taxonomy.malformed"
        }
    }

    public var description: String {
        switch self {
        case let .io(file, reason):
            "\(file): error [\(code)]: \(reason)"
        case let .malformed(file, line, reason, hint):
            "\(file):\(line): error [\(code)]: \(reason) (hint: \(hint))"
        }
    }
}
