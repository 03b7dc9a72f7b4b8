import FormatKit

extension YAMLError {
    /// The same problem as an ``FormatKit/ImportError`` at the same line and column: limits
    /// `limit-exceeded`, an empty file `empty-input`, a tag outside the core schema
    /// `unsupported`, everything else `syntax`.
    public var importError: ImportError {
        let place = SourceLocation(file: location.file, line: location.mark.line, column: location.mark.column)
        switch self {
        case .limitExceeded(_, let limit): return .limitExceeded(place, limit: limit)
        case .noDocument: return .emptyInput(place)
        case .unknownTag: return .unsupported(place, reason: message)
        case .syntax, .undefinedAlias, .multipleDocuments, .duplicateKey, .nonTextKey: return .syntax(place, reason: message)
        }
    }
}
