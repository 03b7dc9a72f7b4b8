import ArgumentParser
import Dispatch
import Foundation
import Taxonomy

/// `mhub taxonomy lineage --ncbi-taxdump DIR`: the full lineage (names, ids and ranks) of each
/// tax id or name, as taxpasta's `--add-lineage --add-id-lineage --add-rank-lineage` give it.
/// Merged ids are followed and said so; deleted, unknown and ambiguous queries are reported.
struct TaxonomyLineageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Print the NCBI lineage (names, tax ids, ranks) of each tax id or name on standard input.")

    @Option(name: .customLong("ncbi-taxdump"), help: ArgumentHelp("A folder with nodes.dmp and names.dmp (merged.dmp, delnodes.dmp when present).", valueName: "dir"))
    var taxdumpDirectory: String

    @Flag(help: "Print JSON instead of TSV.")
    var json = false

    /// Queries answered per unit of parallel work.
    private static let runLength = 16_384

    func run() throws {
        let taxdump: NCBITaxdump
        do { taxdump = try NCBITaxdumpLoader.load(directory: taxdumpDirectory) } catch {
            throw CommandFailure(message: error.description, exitCode: CommandFailure.dataExitCode)
        }
        let query = TaxdumpQuery(taxdump: taxdump)
        let lines = TaxonomyCommand.inputLines()
        let runs = (lines.count + Self.runLength - 1) / Self.runLength
        let outputs = RunOutputs(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Self.runLength * 160)
            for line in lines[(run * Self.runLength)..<min(lines.count, (run + 1) * Self.runLength)] {
                query.appendRow(for: line, to: &bytes)
                bytes.append(0x0A)
            }
            outputs.set(run, bytes)
        }
        if json { return try writeJSON(outputs.joined()) }
        TaxonomyCommand.writeOutput(Array((TaxdumpQuery.columns.joined(separator: "\t") + "\n").utf8))
        for run in 0..<runs { TaxonomyCommand.writeOutput(outputs.take(run)) }
    }

    /// The same rows as JSON objects keyed by the TSV column names.
    private func writeJSON(_ tsv: [UInt8]) throws {
        let rows = String(decoding: tsv, as: UTF8.self).split(separator: "\n").map { line in
            Dictionary(uniqueKeysWithValues: zip(TaxdumpQuery.columns,
                                                 line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
        }
        try TaxonomyCommand.writeJSON(rows)
    }
}

/// The output bytes of each run of queries, filled from several threads and read in order.
private final class RunOutputs: @unchecked Sendable {
    private var parts: [[UInt8]]
    private let lock = NSLock()

    init(count: Int) { parts = Array(repeating: [], count: count) }

    func set(_ index: Int, _ bytes: [UInt8]) { lock.withLock { parts[index] = bytes } }

    func take(_ index: Int) -> [UInt8] { lock.withLock { parts[index] } }

    func joined() -> [UInt8] { lock.withLock { parts.flatMap { $0 } } }
}
