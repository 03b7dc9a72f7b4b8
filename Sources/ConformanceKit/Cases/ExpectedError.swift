import Foundation

/// What an invalid case must fail with, as its `.error` file declares.
///
/// The file holds `key: value` lines: `code: <ImportError.code>` (required) and
/// `line: <n>` (optional, 1-based). Blank lines and lines starting with `#` are ignored.
public struct ExpectedError: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The stable error code (`syntax`, `invalid-value`, …).
    public var code: String
    /// The line the error must point at, when declared.
    public var line: Int?

    public init(code: String, line: Int? = nil) {
        self.code = code
        self.line = line
    }

    /// Parses the content of an `.error` file; the failure says which line is wrong.
    public static func parse(_ text: String) -> Result<ExpectedError, ExpectedErrorProblem> {
        var code: String?
        var line: Int?
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if content.isEmpty || content.hasPrefix("#") { continue }
            guard let colon = content.firstIndex(of: ":") else {
                return .failure(ExpectedErrorProblem(line: number + 1, reason: "expected `key: value`"))
            }
            let key = content[..<colon].trimmingCharacters(in: .whitespaces)
            let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "code" where !value.isEmpty:
                code = value
            case "line":
                guard let number = Int(value), number > 0 else {
                    return .failure(ExpectedErrorProblem(line: number + 1, reason: "line must be a positive integer"))
                }
                line = number
            default:
                return .failure(ExpectedErrorProblem(line: number + 1, reason: "unknown key '\(key)' (use code: and line:)"))
            }
        }
        guard let code else { return .failure(ExpectedErrorProblem(line: nil, reason: "no `code:` line")) }
        return .success(ExpectedError(code: code, line: line))
    }

    public var description: String { line.map { "\(code) at line \($0)" } ?? code }
}

/// Why an `.error` file could not be read.
public struct ExpectedErrorProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var reason: String

    public init(line: Int?, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { line.map { "line \($0): \(reason)" } ?? reason }
}
