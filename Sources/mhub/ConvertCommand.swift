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

    @Argument(help: "The input file, or - for standard input.")
    var inputFile: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file, or - for standard output.", valueName: "file"))
    var output: String

    @Option(name: .customLong("to"), help: ArgumentHelp("The output format id (from the output's extension when omitted).", valueName: "id"))
    var targetFormat: String?

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

        var clock = PhaseTimings()
        var table: ProfileTable
        do {
            table = try registry.importTable(source, formatID: input.formatID, options: importOptions).table
        } catch {
            throw CommandFailure(error)
        }
        clock.lap("import")
        table = try transforms.apply(to: table, inputName: source.name)
        clock.lap("transforms")
        table = table.appendingStep(ProvenanceStep(action: .export, format: exporter.format.id))

        let losses = exporter.losses(for: table, options: exportOptions)
        for loss in losses { FileHandle.standardErrorWrite("mhub: warning [export.field-dropped]: \(exporter.format.id) cannot carry \(loss)") }
        for diagnostic in table.diagnostics where diagnostic.severity == .warning {
            FileHandle.standardErrorWrite("mhub: \(diagnostic)")
        }
        if importOptions.strict && !losses.isEmpty {
            throw CommandFailure(message: "error [strict]: the export would lose \(losses.count) field(s); see the warnings above",
                                 exitCode: CommandFailure.dataExitCode)
        }
        do { try Self.write(table, with: exporter, to: output, options: exportOptions) } catch {
            throw CommandFailure(error)
        }
        clock.lap("export")
        if timings { FileHandle.standardErrorWrite("mhub: \(clock.line)") }
    }

    /// Exports into a temporary file and moves it into place only on success.
    static func write(_ table: ProfileTable, with exporter: any ProfileExporter, to path: String,
                      options: ExportOptions) throws(ExportError) {
        let destination = try AtomicOutput(path: path)
        var sink = try destination.makeSink()
        try exporter.write(table, to: &sink, options: options)
        try sink.flush()
        try destination.commit()
    }
}
