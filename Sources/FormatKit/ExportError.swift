import ProfileModel

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
    /// An `--export-option` the exporter does not declare, or a value it does not allow (a usage error).
    case invalidOption(OptionError)
    /// The policy is strict and the export would lose these fields.
    case strictViolation(losses: [DeclaredLoss])
    /// The output name asks for something the format cannot be (a gzipped binary file; a usage error).
    case unsuitableOutput(path: String, reason: String)

    /// The stable error code.
    public var code: String {
        switch self {
        case .io: "io"
        case .cannotRepresent: "cannot-represent"
        case .limitExceeded: "limit-exceeded"
        case .pluginFailure: "plugin-failure"
        case .invalidOption: "invalid-option"
        case .strictViolation: "strict"
        case .unsuitableOutput: "unsuitable-output"
        }
    }

    /// One line, input text escaped (``MessageText``).
    public var description: String { MessageText.escaped(line) }

    private var line: String {
        switch self {
        case .io(let path, let reason): "\(path): error [io]: \(reason)"
        case .cannotRepresent(let reason): "error [cannot-represent]: \(reason)"
        case .limitExceeded(let limit): "error [limit-exceeded]: \(limit)"
        case .pluginFailure(let reason): "error [plugin-failure]: \(reason)"
        case .invalidOption(let problem): "error [invalid-option]: \(problem) (hint: `mhub formats ID` lists the options each format takes)"
        case .strictViolation(let losses):
            "error [strict]: the export would lose \(losses.count) field(s): \(losses.map(\.field.rawValue).joined(separator: ", "))"
        case .unsuitableOutput(let path, let reason): "\(path): error [usage]: \(reason)"
        }
    }

    /// Whether the user asked for something impossible (exit code 2) rather than the data being unwritable.
    public var isUsageError: Bool {
        switch self {
        case .invalidOption, .unsuitableOutput: true
        default: false
        }
    }
}
