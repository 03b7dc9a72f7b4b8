import ProfileModel

/// Why an input could not be imported. Every case carries where, and ``code`` is the
/// stable name that conformance `.error` files declare.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input holds no data (0 bytes, or only blank and comment lines).
    case emptyInput(SourceLocation)
    /// The file could not be opened or read.
    case io(SourceLocation, reason: String)
    /// The bytes are not valid in the declared or detected text encoding, or gzip data is corrupt.
    case encoding(SourceLocation, reason: String)
    /// The input breaks the format's syntax (truncated JSON, unbalanced quotes, ragged rows).
    case syntax(SourceLocation, reason: String)
    /// A field the format requires is absent.
    case missingField(SourceLocation, field: String)
    /// A value is not what the format allows (non-numeric, NaN, ±∞, negative abundance).
    case invalidValue(SourceLocation, value: String, reason: String)
    /// Declared and actual dimensions disagree, or an index points outside the table.
    case shapeMismatch(SourceLocation, reason: String)
    /// A sample id occurs twice.
    case duplicateSample(SourceLocation, id: String)
    /// A taxon (feature) id occurs twice, or a cell is given twice.
    case duplicateTaxon(SourceLocation, id: String)
    /// A version or variant of the format the plugin does not read.
    case unsupported(SourceLocation, reason: String)
    /// A companion input the format needs was not given.
    case missingCompanion(SourceLocation, role: String)
    /// A safety limit was hit (size, nesting depth, alias expansion, time).
    case limitExceeded(SourceLocation, limit: String)
    /// Several formats claim the input equally.
    case ambiguousFormat(SourceLocation, candidates: [String])
    /// No format recognised the input.
    case unrecognizedFormat(SourceLocation, tried: [String])
    /// `--strict` is on and the import produced warnings.
    case strictViolation(SourceLocation, diagnostics: [Diagnostic])
    /// An external plugin failed, hung or answered outside its protocol.
    case pluginFailure(SourceLocation, reason: String)
    /// An `--option` the importer does not declare, or a value it does not allow (a usage error).
    case invalidOption(SourceLocation, OptionError)

    /// The stable error code (`syntax`, `invalid-value`, …).
    public var code: String {
        switch self {
        case .emptyInput: "empty-input"
        case .io: "io"
        case .encoding: "encoding"
        case .syntax: "syntax"
        case .missingField: "missing-field"
        case .invalidValue: "invalid-value"
        case .shapeMismatch: "shape-mismatch"
        case .duplicateSample: "duplicate-sample"
        case .duplicateTaxon: "duplicate-taxon"
        case .unsupported: "unsupported"
        case .missingCompanion: "missing-companion"
        case .limitExceeded: "limit-exceeded"
        case .ambiguousFormat: "ambiguous-format"
        case .unrecognizedFormat: "unrecognized-format"
        case .strictViolation: "strict"
        case .pluginFailure: "plugin-failure"
        case .invalidOption: "invalid-option"
        }
    }

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .emptyInput(let location), .io(let location, _), .encoding(let location, _),
             .syntax(let location, _), .missingField(let location, _), .invalidValue(let location, _, _),
             .shapeMismatch(let location, _), .duplicateSample(let location, _), .duplicateTaxon(let location, _),
             .unsupported(let location, _), .missingCompanion(let location, _), .limitExceeded(let location, _),
             .ambiguousFormat(let location, _), .unrecognizedFormat(let location, _),
             .strictViolation(let location, _), .pluginFailure(let location, _), .invalidOption(let location, _):
            location
        }
    }

    /// What went wrong, in one sentence without the location.
    public var message: String {
        switch self {
        case .emptyInput: "the input holds no data"
        case .io(_, let reason), .encoding(_, let reason), .syntax(_, let reason), .shapeMismatch(_, let reason),
             .unsupported(_, let reason), .pluginFailure(_, let reason):
            reason
        case .missingField(_, let field): "required field '\(field)' is missing"
        case .invalidValue(_, let value, let reason): "'\(value)' \(reason)"
        case .duplicateSample(_, let id): "sample id '\(id)' occurs more than once"
        case .duplicateTaxon(_, let id): "taxon '\(id)' occurs more than once"
        case .missingCompanion(_, let role): "the \(role) companion input is required"
        case .limitExceeded(_, let limit): "safety limit exceeded: \(limit)"
        case .ambiguousFormat(_, let candidates): "several formats match equally: \(candidates.joined(separator: ", "))"
        case .unrecognizedFormat(_, let tried): "no format recognised the input (tried \(tried.joined(separator: ", ")))"
        case .invalidOption(_, let problem): problem.description
        case .strictViolation(_, let diagnostics):
            "--strict: \(diagnostics.count) warning(s), first: \(diagnostics.first.map { "\($0.code): \($0.message)" } ?? "")"
        }
    }

    /// A one-line suggestion for the user.
    public var hint: String {
        switch self {
        case .emptyInput: "check that the file was written completely"
        case .io: "check the path and permissions"
        case .encoding: "pass --encoding if the file is not UTF-8 or UTF-16 with a BOM"
        case .syntax: "the file may be truncated or not in this format; try `mhub detect`"
        case .missingField: "the writer of this file left out a required field"
        case .invalidValue: "abundances must be finite, non-negative numbers"
        case .shapeMismatch: "the declared dimensions disagree with the data"
        case .duplicateSample: "sample ids must be unique within a table"
        case .duplicateTaxon: "feature ids must be unique, with one value per sample"
        case .unsupported: "see `mhub formats` for the versions each plugin reads"
        case .missingCompanion(_, let role): "pass the \(role) file with --companion \(role)=FILE"
        case .limitExceeded: "the input exceeds a safety limit; it may be hostile or corrupt"
        case .ambiguousFormat: "name the format with --from"
        case .unrecognizedFormat: "name the format with --from, or list formats with `mhub formats`"
        case .strictViolation: "fix the warnings or run without --strict"
        case .pluginFailure: "run the external plugin by hand to see its own error"
        case .invalidOption: "`mhub formats ID` lists the options each format takes"
        }
    }

    /// Whether the user asked for something impossible (exit code 2) rather than gave bad data.
    public var isUsageError: Bool {
        if case .invalidOption = self { return true }
        return false
    }

    /// `file:line:col: error [code]: message (hint: …)` on one line, input text escaped (``MessageText``).
    public var description: String {
        MessageText.escaped("\(location): error [\(code)]: \(message) (hint: \(hint))")
    }

    /// Maps a builder invariant violation to an import error at `location`.
    public init(_ error: BuilderError, at location: SourceLocation) {
        switch error {
        case .duplicateSampleID(let id): self = .duplicateSample(location, id: id)
        case .duplicateTaxonID(let id): self = .duplicateTaxon(location, id: id)
        case .duplicateEntry(let sample, let taxon): self = .duplicateTaxon(location, id: "\(taxon)' in sample '\(sample)")
        case .nonFiniteValue, .negativeValue: self = .invalidValue(location, value: "\(error)", reason: "is not allowed")
        case .indexOutOfRange: self = .shapeMismatch(location, reason: error.description)
        case .emptySampleID: self = .missingField(location, field: "sample id")
        case .emptyTaxonID: self = .missingField(location, field: "taxon id")
        case .tooManyTaxa: self = .limitExceeded(location, limit: error.description)
        }
    }
}
