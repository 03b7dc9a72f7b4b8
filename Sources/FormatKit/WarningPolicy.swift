import ProfileModel

/// How every command (and the conformance kit) treats import warnings and export losses: they
/// are reported, one ``Diagnostic`` at a time, and under `strict` they fail the run
/// (``ImportError/strictViolation(_:diagnostics:)``, ``ExportError/strictViolation(losses:)``)
/// before anything is written.
public struct WarningPolicy: Sendable {
    /// Fail on any warning diagnostic of an import and on any loss of an export.
    public var strict: Bool
    /// Where findings go as they are made: standard error for the command line, nowhere for
    /// callers that show them otherwise (`inspect` prints a table's diagnostics itself).
    public var report: @Sendable (Diagnostic) -> Void

    public init(strict: Bool = false, report: @escaping @Sendable (Diagnostic) -> Void = { _ in }) {
        self.strict = strict
        self.report = report
    }

    /// Reports nothing and fails on nothing.
    public static let lenient = WarningPolicy()

    /// Reports the table's warnings; under `strict`, fails when there are any.
    func admit(_ table: ProfileTable, from input: ImportInput) throws(ImportError) {
        let warnings = table.diagnostics.filter { $0.severity == .warning }
        for warning in warnings { report(warning) }
        if strict, !warnings.isEmpty { throw .strictViolation(input.location(), diagnostics: warnings) }
    }

    /// Reports each loss as `export.field-dropped`; under `strict`, fails when there are any.
    func admit(_ losses: [DeclaredLoss], format: String) throws(ExportError) {
        for loss in losses { report(loss.diagnostic(format: format)) }
        if strict, !losses.isEmpty { throw .strictViolation(losses: losses) }
    }
}
