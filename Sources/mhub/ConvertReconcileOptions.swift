import ArgumentParser
import ProfileModel
import Taxonomy

/// `convert --reconcile ncbi|gtdb|lpsn [--reconcile-report FILE]`: reconciles the table's
/// taxonomy between import and export, as `mhub reconcile` does.
struct ConvertReconcileOptions: ParsableArguments {
    @Option(name: .customLong("reconcile"), help: ArgumentHelp("Resolve taxa to ncbi, gtdb or lpsn names before writing.", valueName: "taxonomy"))
    var target: String?

    @Option(name: .customLong("reconcile-report"), help: ArgumentHelp("Where to write the reconciliation report (TSV, or JSON for .json).", valueName: "file"))
    var report: String?

    @OptionGroup var reference: ReferenceOptions

    /// The table reconciled when `--reconcile` was given, else the table unchanged.
    func apply(to table: ProfileTable) throws(CommandFailure) -> ProfileTable {
        guard let target else {
            if report != nil || reference.taxdumpDirectory != nil || !reference.gtdbFiles.isEmpty || reference.rank != nil {
                throw CommandFailure(message: "error [usage]: --reconcile-report, --ncbi-taxdump, --gtdb-taxonomy and --rank need --reconcile",
                                     exitCode: CommandFailure.usageExitCode)
            }
            return table
        }
        let resolver = try reference.resolver(target: try ReferenceOptions.parseTarget(target))
        return try Reconciliation.apply(resolver, to: table, reportPath: report)
    }
}
