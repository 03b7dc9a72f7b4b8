import FormatKit

/// The error an external plugin reports on standard error as one JSON object before exiting
/// with a non-zero status: `{"code": "invalid-value", "message": "…", "line": 3}`.
struct ExternalErrorReport: Sendable, Decodable {
    /// An ``ImportError`` code (`syntax`, `invalid-value`, …), or `cannot-represent` for an export.
    var code: String
    var message: String
    var line: Int?
    var column: Int?
    /// A JSON pointer or similar path, for structured inputs.
    var path: String?
    /// The offending value, for `invalid-value`, `duplicate-sample`, `duplicate-taxon`.
    var value: String?
    /// The missing field, for `missing-field`.
    var field: String?

    /// The report as an import error located in `input`.
    func importError(in input: ImportInput, pluginName: String) -> ImportError {
        let location = input.location(line: line, column: column, path: path)
        switch code {
        case "empty-input": return .emptyInput(location)
        case "io": return .io(location, reason: message)
        case "encoding": return .encoding(location, reason: message)
        case "syntax": return .syntax(location, reason: message)
        case "missing-field": return .missingField(location, field: field ?? message)
        case "invalid-value": return .invalidValue(location, value: value ?? "", reason: message)
        case "shape-mismatch": return .shapeMismatch(location, reason: message)
        case "duplicate-sample": return .duplicateSample(location, id: value ?? message)
        case "duplicate-taxon": return .duplicateTaxon(location, id: value ?? message)
        case "unsupported": return .unsupported(location, reason: message)
        case "limit-exceeded": return .limitExceeded(location, limit: message)
        default: return .pluginFailure(location, reason: "\(pluginName) reported an error with unknown code '\(code)': \(message)")
        }
    }

    /// The report as an export error.
    func exportError(pluginName: String) -> ExportError {
        switch code {
        case "cannot-represent": .cannotRepresent(reason: message)
        case "limit-exceeded": .limitExceeded(limit: message)
        default: .pluginFailure(reason: "\(pluginName) failed [\(code)]: \(message)")
        }
    }
}
