/// Why an HDF5 operation failed. Every case names the file or the object path
/// (`/observation/matrix/data`) it concerns.
public enum HDF5Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or created (missing, unreadable, not HDF5).
    case cannotOpen(file: String, reason: String)
    /// A group, dataset or attribute that was asked for does not exist.
    case missing(path: String)
    /// An object holds a different kind of element than the caller asked for.
    case wrongKind(path: String, expected: String, found: String)
    /// A dataset or attribute has a rank or extent the caller cannot use.
    case wrongShape(path: String, expected: String, found: [Int])
    /// The library failed while reading.
    case readFailed(path: String)
    /// The library failed while writing or closing.
    case writeFailed(path: String)
    /// A value cannot be stored (a string holding a NUL byte).
    case unrepresentable(path: String, reason: String)
    /// A dataset is larger than the caller allows.
    case limitExceeded(path: String, limit: String)
    /// A string element is not valid UTF-8 (HDF5 strings are ASCII or UTF-8); never repaired.
    case invalidText(path: String, index: Int)

    /// The file or object path the error concerns.
    public var path: String {
        switch self {
        case .cannotOpen(let file, _): file
        case .missing(let path), .wrongKind(let path, _, _), .wrongShape(let path, _, _), .readFailed(let path),
             .writeFailed(let path), .unrepresentable(let path, _), .limitExceeded(let path, _), .invalidText(let path, _):
            path
        }
    }

    /// What went wrong, without the path.
    public var reason: String {
        switch self {
        case .cannotOpen(_, let reason): reason
        case .missing: "does not exist"
        case .wrongKind(_, let expected, let found): "holds \(found) values, expected \(expected)"
        case .wrongShape(_, let expected, let found): "has shape \(found), expected \(expected)"
        case .readFailed: "could not be read"
        case .writeFailed: "could not be written"
        case .unrepresentable(_, let reason): reason
        case .limitExceeded(_, let limit): "exceeds \(limit)"
        case .invalidText(_, let index): "element \(index) is not valid UTF-8"
        }
    }

    public var description: String { "\(path): \(reason)" }
}
