import ProfileModel

/// How every command (and the conformance kit) treats warnings and export losses: an export
/// reports its losses and the warnings the written table carries (from the import and any
/// transform), one ``Diagnostic`` at a time; under `strict` an import with warnings fails
/// (``ImportError/strictViolation(_:diagnostics:)``) and so does an export with losses
/// (``ExportError/strictViolation(losses:)``), before anything is written.
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

    /// Under `strict`, fails when the imported table carries warnings.
    func admit(_ table: ProfileTable, from input: ImportInput) throws(ImportError) {
        let warnings = table.diagnostics.filter { $0.severity == .warning }
        if strict, !warnings.isEmpty { throw .strictViolation(input.location(), diagnostics: warnings) }
    }

    /// Reports each loss as `export.field-dropped`, then the table's warnings; under `strict`,
    /// fails when there are losses.
    func admit(_ losses: [DeclaredLoss], of table: ProfileTable, format: String) throws(ExportError) {
        for loss in losses { report(loss.diagnostic(format: format)) }
        for warning in table.diagnostics where warning.severity == .warning { report(warning) }
        if strict, !losses.isEmpty { throw .strictViolation(losses: losses) }
    }
}
