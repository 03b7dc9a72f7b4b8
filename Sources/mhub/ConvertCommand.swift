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

    @Option(name: .customLong("to"), help: ArgumentHelp("The output format id (from the output's extension when omitted).", valueName: "id"))
    var targetFormat: String?

    @OptionGroup var sampleMetadata: SampleMetadataOptions
    @OptionGroup(title: "Transforms") var transforms: TransformOptions

    @Option(name: .customLong("export-option"), help: ArgumentHelp("A plugin-specific export setting key=value (repeatable).", valueName: "key=value"))
    var exportParameters: [String] = []

    @Flag(help: "Print how long the import, the transforms and the export took (one line on standard error).")
    var timings = false

    func validate() throws {
        if output == "-" && targetFormat == nil {
            throw ValidationError("writing to standard output needs --to")
        }
    }

    func run() throws {
        let registry = try plugins.registry()
        let exporter: any ProfileExporter
        do { exporter = try registry.resolveExporter(forOutput: output, id: targetFormat) } catch {
            throw CommandFailure(error)
        }
        let exportOptions = ExportOptions(parameters: try InputOptions.keyValues(exportParameters, flag: "--export-option"))
        let importOptions = try input.importOptions()
        let source = try input.openInput(inputFile)
        let policy = input.policy()

        var clock = PhaseTimings()
        var table: ProfileTable
        do {
            table = try registry.importTable(source, formatID: input.formatID, options: importOptions, policy: policy).table
        } catch {
            throw CommandFailure(error)
        }
        clock.lap("import")
        table = try sampleMetadata.apply(to: table).0
        table = try reconcile.apply(to: table)
        table = try transforms.apply(to: table, inputName: source.name)
        clock.lap("transforms")
        do {
            _ = try ExportSession.run(table, with: exporter, toPath: output, options: exportOptions, policy: policy,
                                      protecting: source.paths + [sampleMetadata.file].compactMap { $0 })
        } catch {
            throw CommandFailure(error)
        }
        clock.lap("export")
        if timings { FileHandle.standardErrorWrite("mhub: \(clock.line)") }
    }
}
