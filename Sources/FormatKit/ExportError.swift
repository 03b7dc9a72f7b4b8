/// Why a table could not be exported.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output could not be written.
    case io(path: String, reason: String)
    /// The table holds something this format cannot represent at all (not a mere loss).
    case cannotRepresent(reason: String)
    /// A safety limit was hit.
    case limitExceeded(limit: String)
    /// An external plugin failed, hung or answered outside its protocol.
    case pluginFailure(reason: String)

    /// The stable error code.
    public var code: String {
        switch self {
        case .io: "io"
        case .cannotRepresent: "cannot-represent"
        case .limitExceeded: "limit-exceeded"
        case .pluginFailure: "plugin-failure"
        }
    }

    public var description: String {
        switch self {
        case .io(let path, let reason): "\(path): error [io]: \(reason)"
        case .cannotRepresent(let reason): "error [cannot-represent]: \(reason)"
        case .limitExceeded(let limit): "error [limit-exceeded]: \(limit)"
        case .pluginFailure(let reason): "error [plugin-failure]: \(reason)"
        }
    }
}
