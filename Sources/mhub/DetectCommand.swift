import ArgumentParser
import FormatKit
import Foundation

/// `mhub detect FILE`: shows which formats claim a file, with confidence and reasons.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect", abstract: "Show which formats claim a file, best first, with reasons.")

    @OptionGroup var plugins: PluginOptions

    @Argument(help: "The file to look at, or - for standard input.")
    var file: String

    @Option(help: ArgumentHelp("Force the text encoding.", valueName: "name"))
    var encoding: String?

    @Flag(help: "Print the candidates as JSON.")
    var json = false

    func run() throws {
        let registry = try plugins.registry()
        let input = try InputOptions.open(file, encoding: try InputOptions.parseEncoding(encoding))
        let prefix: InputPrefix
        do { prefix = try input.prefix() } catch { throw CommandFailure(error) }
        let candidates = registry.detect(prefix)
        if json {
            print(try JSONOutput.encode(candidates))
        } else if !candidates.isEmpty {
            let rows = candidates.map { candidate in
                [candidate.formatID, String(format: "%.2f", candidate.confidence),
                 candidate.extensionMatches ? "yes" : "no", candidate.reason]
            }
            print(TextTable.render(header: ["FORMAT", "CONFIDENCE", "EXTENSION", "REASON"], rows: rows))
        }
        if prefix.bytes.isEmpty { throw CommandFailure(ImportError.emptyInput(input.location())) }
        if candidates.isEmpty {
            let tried = registry.plugins.filter(\.format.canImport).map(\.format.id)
            throw CommandFailure(ImportError.unrecognizedFormat(input.location(), tried: tried))
        }
    }
}
