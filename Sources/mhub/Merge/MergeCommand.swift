import ArgumentParser
import FormatKit
import Foundation
import ProfileModel

/// `mhub merge INPUTS... -o OUT`: many reports from many labs and pipelines into one cohort table.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge many reports (files, directories, patterns or a manifest) into one cohort table.",
        discussion: """
            Each input is detected (or read as --from), imported on every core, turned into leaves when it is a \
            clade-cumulative profile, and joined by taxon identity (tax id within its system, else the full \
            lineage; never a bare name), optionally reconciled to one taxonomy (--reconcile ncbi|gtdb|lpsn, \
            --rank). Counts stay counts when every input is counts; otherwise every sample \
            becomes relative. Each sample keeps its own source (lab, pipeline, database, file), written as \
            source_* sample metadata where the output format has no other place for it. The output appears only \
            when the whole merge succeeded.
            """)

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var input: InputOptions

    @Argument(help: "Report files, directories (their files) or quoted patterns such as 'reports/*.kreport'.")
    var inputs: [String] = []

    @Option(help: ArgumentHelp("A TSV of inputs: a path column, an optional sample-id column, and metadata columns.", valueName: "file"))
    var manifest: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The cohort table, or - for standard output.", valueName: "file"))
    var output: String

    @Option(name: .customLong("to"), help: ArgumentHelp("The output format id (from the output's extension when omitted).", valueName: "id"),
            completion: FormatCompletion.exporting)
    var targetFormat: String?

    @Flag(name: .customLong("rename-duplicates"), help: "Rename a sample id seen in an earlier input to <id>-2, <id>-3 … instead of failing.")
    var renameDuplicates = false

    @Flag(name: .customLong("skip-bad"), help: "Skip inputs that cannot be read, listing each with its error, instead of stopping at the first.")
    var skipBad = false

    @Option(help: ArgumentHelp("Imports to run at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(help: "Print a machine-readable summary of the merge on standard output.")
    var json = false

    @OptionGroup var sampleMetadata: SampleMetadataOptions
    @OptionGroup(title: "Taxonomy reconciliation of the cohort") var reconcile: ConvertReconcileOptions
    @OptionGroup(title: "Transforms of the cohort") var transforms: TransformOptions

    @Option(name: .customLong("export-option"), help: ArgumentHelp("A plugin-specific export setting key=value (repeatable).", valueName: "key=value"))
    var exportParameters: [String] = []

    func validate() throws {
        if output == "-" && targetFormat == nil { throw ValidationError("writing to standard output needs --to") }
        if output == "-" && json { throw ValidationError("--json prints the summary on standard output; write the table to a file") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if input.sampleID != nil { throw ValidationError("--sample-id names one sample; give sample ids per input in a --manifest") }
    }

    func run() throws {
        let started = Date()
        let registry = try plugins.registry()
        let formatID = try input.importFormat(in: registry)
        let exporter: any ProfileExporter
        do { exporter = try registry.resolveExporter(forOutput: output, id: targetFormat) } catch { throw CommandFailure(error) }
        let exportOptions = ExportOptions(parameters: try InputOptions.keyValues(exportParameters, flag: "--export-option"))
        let reports = try MergeInputs.expand(inputs, manifest: manifest)
        let policy = input.policy()

        var concatenator = TableConcatenator(duplicateSamples: renameDuplicates ? .rename : .fail, units: .relativeWhenMixed)
        var summary = MergeSummary(inputs: reports.count)
        var progress = ProgressBar(total: reports.count, label: "files")
        var manifestRows: [(id: String, values: [String: MetadataValue])] = []
        let importer = ParallelImport(registry: registry, formatID: formatID, options: try input.importOptions(),
                                      policy: policy, encoding: try InputOptions.parseEncoding(input.encoding),
                                      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        try importer.run(reports) { index, result throws(CommandFailure) in
            defer { progress.update(index + 1) }
            switch result {
            case .failure(let error):
                guard skipBad else {
                    progress.finish()
                    throw CommandFailure(error)
                }
                summary.skipped.append(.init(file: reports[index].path, error: error.description))
            case .success(let table):
                do {
                    let ids = try concatenator.add(table, input: reports[index].path)
                    if !reports[index].metadata.isEmpty { manifestRows += ids.map { ($0, reports[index].metadata) } }
                } catch {
                    progress.finish()
                    throw CommandFailure(message: "\(reports[index].path): error [merge]: \(error)", exitCode: CommandFailure.dataExitCode)
                }
                summary.imported += 1
                summary.formats[table.provenance.steps.last { $0.action == .import }?.format ?? "unknown", default: 0] += 1
            }
        }
        progress.finish()
        if !summary.skipped.isEmpty && !json {
            for skipped in summary.skipped { FileHandle.standardErrorWrite("mhub: skipped \(skipped.error)") }
        }

        var cohort: ProfileTable
        do { cohort = try concatenator.finish() } catch {
            throw CommandFailure(message: "error [merge]: \(error) (every input was skipped)", exitCode: CommandFailure.dataExitCode)
        }
        if let manifest, !manifestRows.isEmpty {
            cohort = cohort.joiningSampleMetadata(manifestRows, file: (manifest as NSString).lastPathComponent).table
        }
        cohort = try reconcile.apply(to: cohort)
        let (joined, report) = try sampleMetadata.apply(to: cohort, quiet: json || input.quiet)
        cohort = try transforms.apply(to: joined, inputName: "the merged table")
        if !exporter.format.isLossless { cohort = cohort.recordingSourcesAsMetadata() }
        do {
            _ = try ExportSession.run(cohort, with: exporter, toPath: output, options: exportOptions, policy: policy,
                                      protecting: reports.map(\.path) + [manifest, sampleMetadata.file].compactMap { $0 })
        } catch {
            throw CommandFailure(error)
        }

        summary.finish(cohort, output: output, format: exporter.format.id, metadata: report, seconds: Date().timeIntervalSince(started))
        if json {
            print(try JSONOutput.summary(summary))
        } else {
            FileHandle.standardErrorWrite("mhub: \(summary.line)")
        }
    }
}
