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

    @Option(help: ArgumentHelp("The columns after query, status and taxonomy_id, comma-separated (default: name,rank,lineage,id_lineage,rank_lineage).", valueName: "list"))
    var columns: String?

    /// Queries answered per unit of parallel work.
    private static let runLength = 16_384

    func run() throws {
        let taxdump: NCBITaxdump
        do { taxdump = try NCBITaxdumpLoader.load(directory: taxdumpDirectory) } catch {
            throw CommandFailure(message: error.description, exitCode: CommandFailure.dataExitCode)
        }
        let query = TaxdumpQuery(taxdump: taxdump, columns: try selectedColumns())
        let input = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let lines = Self.lineRanges(input)
        let runs = (lines.count + Self.runLength - 1) / Self.runLength
        if json {
            let outputs = RunOutputs(count: runs)
            answer(runs: 0..<runs, of: lines, in: input, with: query, into: outputs, slotOffset: 0)
            return try writeJSON((0..<runs).flatMap { outputs.take($0) }, header: query.header)
        }
        TaxonomyCommand.writeOutput(Array((query.header.joined(separator: "\t") + "\n").utf8))
        // Runs are answered a batch at a time on every core and written in order; the batch's
        // buffers are reused, so memory stays at one batch of rows however long the input.
        let batch = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let outputs = RunOutputs(count: batch)
        for first in stride(from: 0, to: runs, by: batch) {
            let range = first..<min(runs, first + batch)
            answer(runs: range, of: lines, in: input, with: query, into: outputs, slotOffset: first)
            for slot in 0..<range.count { outputs.withSlot(slot) { TaxonomyCommand.writeOutput($0) } }
        }
    }

    /// Answers the queries of `runs`, the rows of run `r` going into slot `r - slotOffset`.
    private func answer(runs: Range<Int>, of lines: [Range<Int>], in input: [UInt8], with query: TaxdumpQuery,
                        into outputs: RunOutputs, slotOffset: Int) {
        DispatchQueue.concurrentPerform(iterations: runs.count) { position in
            let run = runs.lowerBound + position
            let output = input.withUnsafeBufferPointer { bytes in
                var reused = outputs.take(run - slotOffset)
                reused.removeAll(keepingCapacity: true)
                return query.withRowWriter(reusing: consume reused) { writer in
                    for line in lines[(run * Self.runLength)..<min(lines.count, (run + 1) * Self.runLength)] {
                        writer.appendRow(for: UnsafeBufferPointer(rebasing: bytes[line]))
                    }
                    return writer.output
                }
            }
            outputs.set(run - slotOffset, output)
        }
    }

    /// The byte ranges of the non-blank lines of `input`, without line ends and surrounding blanks.
    private static func lineRanges(_ input: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        for index in 0...input.count where index == input.count || input[index] == 0x0A {
            var lower = start, upper = index
            while lower < upper, isBlank(input[lower]) { lower += 1 }
            while upper > lower, isBlank(input[upper - 1]) { upper -= 1 }
            if lower < upper { ranges.append(lower..<upper) }
            start = index + 1
        }
        return ranges
    }

    /// The same rows as JSON objects keyed by the TSV column names.
    private func selectedColumns() throws(CommandFailure) -> TaxdumpQuery.Columns {
        guard let columns else { return .all }
        var selected: TaxdumpQuery.Columns = []
        for name in columns.split(separator: ",") {
            guard let column = TaxdumpQuery.Columns(header: String(name)) else {
                throw CommandFailure(message: "error [usage]: unknown column '\(name)' (use \(TaxdumpQuery.Columns.headers.map(\.header).joined(separator: ", ")))",
                                     exitCode: CommandFailure.usageExitCode)
            }
            selected.insert(column)
        }
        return selected
    }

    private func writeJSON(_ tsv: [UInt8], header: [String]) throws {
        let rows = String(decoding: tsv, as: UTF8.self).split(separator: "\n").map { line in
            Dictionary(uniqueKeysWithValues: zip(header,
                                                 line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
        }
        try TaxonomyCommand.writeJSON(rows)
    }
}

/// The output bytes of each run of queries, filled from several threads and read in order.
/// A buffer is moved out to be filled and moved back, so its capacity is reused.
private final class RunOutputs: @unchecked Sendable {
    private var parts: [[UInt8]]
    private let lock = NSLock()

    init(count: Int) { parts = Array(repeating: [], count: count) }

    func set(_ index: Int, _ bytes: [UInt8]) { lock.withLock { parts[index] = bytes } }

    /// Moves the buffer of `index` out, leaving an empty one.
    func take(_ index: Int) -> [UInt8] {
        lock.withLock {
            var bytes: [UInt8] = []
            swap(&bytes, &parts[index])
            return bytes
        }
    }

    func withSlot(_ index: Int, _ body: ([UInt8]) -> Void) { lock.withLock { body(parts[index]) } }
}
