import ArgumentParser
import FormatKit
import Foundation
import ProfileModel
import Taxonomy

/// `mhub reconcile IN -o OUT --to ncbi|gtdb|lpsn --report FILE`: resolves every taxon of a table
/// to one naming, merges the taxa that become the same, and writes the table and a report.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Resolve a table's taxa to NCBI, GTDB or LPSN names, merge the taxa that become the same, and report every change.",
        discussion: "Every taxon is resolved by one method (exact, normalised, rename, synonym, merged-tax-id, gtdb-suffix, lineage-from-tax-id, rank-collapse or unresolved) with its evidence; the report is TSV, or JSON when its name ends in .json. Outputs appear only when everything succeeded.")

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var reference: ReferenceOptions

    @Argument(help: "The input file, or - for standard input.")
    var inputFile: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file, or - for standard output.", valueName: "file"))
    var output: String

    @Option(name: .customLong("to"), help: ArgumentHelp("The target naming: ncbi, gtdb or lpsn.", valueName: "taxonomy"))
    var target: String

    @Option(name: .customLong("output-format"), help: ArgumentHelp("The output format id (from the output's extension when omitted).", valueName: "id"))
    var outputFormat: String?

    @Option(help: ArgumentHelp("The reconciliation report: TSV, or JSON for a .json name.", valueName: "file"))
    var report: String

    func validate() throws {
        if output == "-" && outputFormat == nil { throw ValidationError("writing to standard output needs --output-format") }
    }

    func run() throws {
        let registry = try plugins.registry()
        let formatID = try input.importFormat(in: registry)
        let exporter: any ProfileExporter
        do { exporter = try registry.resolveExporter(forOutput: output, id: outputFormat) } catch { throw CommandFailure(error) }
        let resolver = try reference.resolver(target: try ReferenceOptions.parseTarget(target))
        let importOptions = try input.importOptions()
        let source = try input.openInput(inputFile)
        let policy = input.policy()
        let table: ProfileTable
        do { table = try registry.importTable(source, formatID: formatID, options: importOptions, policy: policy).table } catch {
            throw CommandFailure(error)
        }
        let reconciled = try Reconciliation.apply(resolver, to: table, reportPath: report)
        do {
            _ = try ExportSession.run(reconciled, with: exporter, toPath: output, options: ExportOptions(), policy: policy,
                                      protecting: source.paths)
        } catch {
            throw CommandFailure(error)
        }
    }
}

/// Reconciles a table and writes its report atomically; shared by `reconcile` and `convert --reconcile`.
enum Reconciliation {
    static func apply(_ resolver: TaxonResolver, to table: ProfileTable, reportPath: String?) throws(CommandFailure) -> ProfileTable {
        let result: (table: ProfileTable, report: ReconciliationReport)
        do { result = try TableReconciliation.reconcile(table, with: resolver) } catch {
            throw CommandFailure(message: "error [reconcile]: \(error)", exitCode: CommandFailure.dataExitCode)
        }
        let counts = result.report.methodCounts.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        FileHandle.standardErrorWrite("mhub: reconciled \(table.taxa.count) taxa to \(result.table.taxa.count) (\(counts))")
        if let reportPath { try writeReport(result.report, to: reportPath) }
        return result.table
    }

    private static func writeReport(_ report: ReconciliationReport, to path: String) throws(CommandFailure) {
        let bytes: [UInt8]
        if path.lowercased().hasSuffix(".json") {
            do { bytes = Array(try report.json()) + [0x0A] } catch {
                throw CommandFailure(message: "error [reconcile]: the report could not be encoded: \(error)", exitCode: CommandFailure.dataExitCode)
            }
        } else {
            bytes = Array(report.tsv().utf8)
        }
        do {
            let destination = try AtomicOutput(path: path)
            var sink = try destination.makeSink()
            try sink.write(bytes)
            try sink.finish()
            try destination.commit()
        } catch {
            throw CommandFailure(error)
        }
    }
}
