extension ImportError {
    /// The same error at another location: for a reader that translates its input before
    /// checking it (profile YAML and XML through profile JSON, a Krona chart cut out of a
    /// page), the place in the original file.
    public func relocated(to location: SourceLocation) -> ImportError {
        switch self {
        case .emptyInput: .emptyInput(location)
        case .io(_, let reason): .io(location, reason: reason)
        case .encoding(_, let reason): .encoding(location, reason: reason)
        case .syntax(_, let reason): .syntax(location, reason: reason)
        case .missingField(_, let field): .missingField(location, field: field)
        case .invalidValue(_, let value, let reason): .invalidValue(location, value: value, reason: reason)
        case .shapeMismatch(_, let reason): .shapeMismatch(location, reason: reason)
        case .duplicateSample(_, let id): .duplicateSample(location, id: id)
        case .duplicateTaxon(_, let id): .duplicateTaxon(location, id: id)
        case .unsupported(_, let reason): .unsupported(location, reason: reason)
        case .missingCompanion(_, let role): .missingCompanion(location, role: role)
        case .limitExceeded(_, let limit): .limitExceeded(location, limit: limit)
        case .ambiguousFormat(_, let candidates): .ambiguousFormat(location, candidates: candidates)
        case .unrecognizedFormat(_, let tried): .unrecognizedFormat(location, tried: tried)
        case .strictViolation(_, let diagnostics): .strictViolation(location, diagnostics: diagnostics)
        case .pluginFailure(_, let reason): .pluginFailure(location, reason: reason)
        case .invalidOption(_, let problem): .invalidOption(location, problem)
        }
    }
}
