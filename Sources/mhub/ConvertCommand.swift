import ArgumentParser
import FormatKit
import Foundation
import ProfileModel

/// `mhub convert IN -o OUT`: reads one format and writes another, atomically.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a table between formats (detected from content and extension when not named).",
        discussion: "The output appears only when the whole conversion succeeded; on any error no output file is left.")

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Taxonomy reconciliation") var reconcile: ConvertReconcileOptions

    @Argument(help: "The input file, or - for standard input.")
    var inputFile: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file, or - for standard output.", valueName: "file"))
    var output: String

    @Option(name: .customLong("to"), help: ArgumentHelp("The output format id (from the output's extension when omitted).", valueName: "id"),
            completion: FormatCompletion.exporting)
    var targetFormat: String?

    @OptionGroup var sampleMetadata: SampleMetadataOptions
    @OptionGroup(title: "Transforms") var transforms: TransformOptions

    @Option(name: .customLong("export-option"), help: ArgumentHelp("A plugin-specific export setting key=value (repeatable).", valueName: "key=value"))
    var exportParameters: [String] = []

    @Flag(help: "Print how long the import, the transforms and the export took (one line on standard error).")
    var timings = false

    @Flag(help: "Print a JSON summary of what was done: formats, samples, taxa, losses, diagnostics.")
    var json = false

    func validate() throws {
        if output == "-" && targetFormat == nil {
            throw ValidationError("writing to standard output needs --to")
        }
        if output == "-" && json { throw ValidationError("--json prints the summary on standard output; write the table to a file") }
    }

    func run() throws {
        let registry = try plugins.registry()
        let formatID = try input.importFormat(in: registry)
        let exporter: any ProfileExporter
        do { exporter = try registry.resolveExporter(forOutput: output, id: targetFormat) } catch {
            throw CommandFailure(error)
        }
        let exportOptions = ExportOptions(parameters: try InputOptions.keyValues(exportParameters, flag: "--export-option"))
        let importOptions = try input.importOptions()
        let source = try input.openInput(inputFile)
        let policy = input.policy()
        let progress = PhaseProgress(phase: "reading \((source.name as NSString).lastPathComponent)")
        defer { progress.finish() }

        var clock = PhaseTimings()
        let imported: ImportedTable
        do {
            imported = try registry.importTable(source, formatID: formatID, options: importOptions, policy: policy)
        } catch {
            throw CommandFailure(error)
        }
        var table = imported.table
        clock.lap("import")
        progress.enter("transforming \(table.samples.count) samples × \(table.taxa.count) taxa")
        table = try sampleMetadata.apply(to: table, quiet: input.quiet).0
        table = try reconcile.apply(to: table)
        table = try transforms.apply(to: table, inputName: source.name)
        clock.lap("transforms")
        progress.enter("writing \(output == "-" ? "standard output" : (output as NSString).lastPathComponent)")
        let exported: ExportReport
        do {
            exported = try ExportSession.run(table, with: exporter, toPath: output, options: exportOptions, policy: policy,
                                             protecting: source.paths + [sampleMetadata.file].compactMap { $0 })
        } catch {
            throw CommandFailure(error)
        }
        clock.lap("export")
        progress.finish()
        if timings { FileHandle.standardErrorWrite("mhub: \(clock.line)") }
        if json {
            print(try JSONOutput.summary(ConvertSummary(input: source.name, imported: imported, output: output,
                                                        exported: exported, format: exporter.format)))
        }
    }
}
