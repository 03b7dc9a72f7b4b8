import Analysis
import ArgumentParser
import FormatKit
import Foundation
import ProfileModel

/// `mhub report IN -o report.html`: one self-contained HTML page with SVG charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: composition, diversity, ordination, gut-skin context, provenance.",
        discussion: "The page loads nothing from the network. Large cohorts are summarised rather than drawn sample by sample.")

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var analysis: AnalysisOptions

    @Argument(help: "The input file, or - for standard input.")
    var inputFile: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write, or - for standard output.", valueName: "file"))
    var output: String

    @Option(name: .customLong("composition-rank"), help: ArgumentHelp("The rank of the composition bars (default genus, else the deepest rank present).", valueName: "rank"))
    var compositionRank: String?

    @Option(help: ArgumentHelp("How many taxa the composition bars name.", valueName: "n"))
    var top = 12

    func run() throws {
        let imported = try AnalysisOptions.importTable(inputFile, plugins: plugins, input: input)
        let prepared = try analysis.prepare(imported)
        let barsRank = try compositionRank.map { name throws(CommandFailure) in
            guard let rank = Rank(name: name), rank != .unranked else {
                throw CommandFailure(message: "error [usage]: unknown rank '\(name)'", exitCode: CommandFailure.usageExitCode)
            }
            return rank
        }
        let html = try AnalysisOptions.run { () throws(AnalysisError) in
            try HTMLReport(imported: imported, prepared: prepared, compositionRank: barsRank, top: top,
                           shannonBase: LogBase(analysis.shannonBase) ?? .e).render()
        }
        try Destination(path: output, inputs: [inputFile]).write { emit throws(ExportError) in try emit(Array(html.utf8)) }
    }
}
