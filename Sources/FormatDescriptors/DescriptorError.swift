import SafeYAML

/// One problem found in a descriptor file, with where it is.
public struct DescriptorProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line and column; `nil` when the problem concerns the whole file.
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return "\(text): \(message)"
    }
}

/// Why a descriptor could not be loaded. Every schema problem of a file is collected and
/// reported together, so that a broken descriptor is fixed in one pass.
public enum DescriptorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file is not valid YAML, or breaks the descriptor language: every problem found.
    case invalid(file: String, problems: [DescriptorProblem])

    /// The file the error concerns.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .invalid(let file, _): file
        }
    }

    /// The stable code (`descriptor.unreadable`, `descriptor.invalid`).
    public var code: String {
        switch self {
        case .unreadable: "descriptor.unreadable"
        case .invalid: "descriptor.invalid"
        }
    }

    /// Every problem as one line, `file:line:column: error [code]: message (hint: …)`; the hint
    /// blames the descriptor, since the descriptor is what is wrong.
    public var lines: [String] {
        let hint = "(hint: the descriptor is wrong, not the data; its language is documented in Formats/README.md)"
        switch self {
        case .unreadable(let file, let reason):
            return ["\(file): error [\(code)]: cannot read the descriptor: \(reason) \(hint)"]
        case .invalid(_, let problems):
            return problems.map {
                "\($0.file)\($0.line.map { ":\($0)" } ?? "")\($0.column.map { ":\($0)" } ?? ""): error [\(code)]: \($0.message) \(hint)"
            }
        }
    }

    /// ``lines``, one per problem.
    public var description: String { lines.joined(separator: "\n") }

    /// The problem a YAML error amounts to.
    static func problem(from error: YAMLError) -> DescriptorProblem {
        DescriptorProblem(file: error.location.file, line: error.location.mark.line, column: error.location.mark.column,
                          message: "\(error.message) [\(error.code)]")
    }
}
