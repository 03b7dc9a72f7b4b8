import ArgumentParser
import FormatKit
import Foundation

/// `mhub taxonomy parse|resolve|lineage`: names, lineages or tax ids, one per line on standard
/// input, answered one line each on standard output (TSV with a header, or `--json`).
struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Parse, resolve or look up names, lineages and tax ids read one per line from standard input.",
        subcommands: [TaxonomyParseCommand.self, TaxonomyResolveCommand.self, TaxonomyLineageCommand.self])

    /// The non-empty lines of standard input, without line ends.
    static func inputLines() -> [Substring] {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            line.last == "\r" ? line.dropLast() : line
        }.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Writes `bytes` to standard output (a failure ends the command with exit status 1).
    static func writeOutput(_ bytes: [UInt8]) {
        StandardStreams.emit(bytes)
    }

    /// Writes a value as pretty, key-sorted JSON to standard output.
    static func writeJSON(_ value: some Encodable) throws {
        writeOutput(Array((try JSONOutput.encode(value) + "\n").utf8))
    }
}
