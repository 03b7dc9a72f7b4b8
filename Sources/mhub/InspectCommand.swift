import ArgumentParser
import FormatKit
import Foundation
import ProfileModel

/// `mhub inspect FILE`: what a file holds once imported.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Import a file and summarise it: format, samples, taxa, ranks, unit, structure, totals, diagnostics.",
        discussion: "Totals and taxa per sample are summarised (min, max, median, mean), as biom summarize-table does; --samples lists every sample.")

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var input: InputOptions

    @Argument(help: "The file to inspect, or - for standard input.")
    var file: String

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Flag(name: .customLong("samples"), help: "List every sample with its total and taxa (text and JSON).")
    var listSamples = false

    func run() throws {
        let registry = try plugins.registry()
        let formatID = try input.importFormat(in: registry)
        let source = try input.openInput(file)
        let options = try input.importOptions()
        let imported: ImportedTable
        do {
            imported = try registry.importTable(source, formatID: formatID, options: options,
                                                policy: input.policy(reporting: false))
        } catch {
            throw CommandFailure(error)
        }
        let summary = TableSummary(file: source.name, imported: imported, listingSamples: listSamples)
        print(json ? try JSONOutput.summary(summary) : summary.text)
    }
}

/// The facts `inspect` reports about a table.
struct TableSummary: Encodable {
    struct SampleTotal: Encodable {
        var id: String
        var total: Double
        var observedTaxa: Int
    }

    var file: String
    var format: String
    var formatName: String
    var samples: Int
    var taxa: Int
    var nonZeros: Int
    /// The share of the matrix's cells that are not zero.
    var density: Double
    var unit: String
    var structure: String
    var ranks: [String]
    /// The sum of every sample's total (for a clade-cumulative table, each sample's own total).
    var total: Double
    /// Each sample's total, summarised.
    var totalsPerSample: Spread?
    /// The number of taxa present in each sample, summarised.
    var taxaPerSample: Spread?
    var source: [String: String]
    var steps: [ProvenanceStep]
    /// Every sample, only when asked for (`--samples`).
    var sampleTotals: [SampleTotal]?
    var diagnostics: [Diagnostic]

    init(file: String, imported: ImportedTable, listingSamples: Bool) {
        let table = imported.table
        self.file = file
        format = imported.format.id
        formatName = imported.format.name
        samples = table.samples.count
        taxa = table.taxa.count
        nonZeros = table.abundances.nonZeroCount
        let cells = Double(samples) * Double(taxa)
        density = cells > 0 ? Double(nonZeros) / cells : 0
        unit = table.unit.description
        structure = table.structure.rawValue
        ranks = table.ranksPresent().map(\.rawValue)
        source = table.provenance.source.byName
        steps = table.provenance.steps
        let totals = table.sampleTotals()
        let observed = table.samples.indices.map { table.abundances.range(ofSample: $0).count }
        total = totals.reduce(0, +)
        totalsPerSample = Spread(totals)
        taxaPerSample = Spread(observed.map(Double.init))
        sampleTotals = listingSamples
            ? table.samples.indices.map { SampleTotal(id: table.samples[$0].id, total: totals[$0], observedTaxa: observed[$0]) }
            : nil
        diagnostics = table.diagnostics
    }

    /// A total for people: ten significant digits hide summation noise (99.99344000000005 → 99.99344);
    /// the JSON output keeps the exact value.
    static func readable(_ value: Double) -> String {
        NumberFormatting.shortest(Double(String(format: "%.10g", value)) ?? value)
    }

    var text: String {
        var lines = [
            "file:        \(file)",
            "format:      \(format) (\(formatName))",
            "samples:     \(samples)",
            "taxa:        \(taxa)",
            "non-zeros:   \(nonZeros) (density \(Self.readable((density * 10_000).rounded() / 10_000)))",
            "unit:        \(unit)",
            "structure:   \(structure)",
            "ranks:       \(ranks.isEmpty ? "none" : ranks.joined(separator: ", "))",
            "total:       \(Self.readable(total))",
        ]
        if let totalsPerSample { lines.append("\(unit)/sample: \(totalsPerSample.text)") }
        if let taxaPerSample { lines.append("taxa/sample: \(taxaPerSample.text)") }
        for key in source.keys.sorted() { lines.append("source:      \(key) = \(source[key]!)") }
        if let sampleTotals {
            lines.append("")
            lines.append(TextTable.render(header: ["SAMPLE", "TOTAL", "TAXA"], rows: sampleTotals.map {
                [$0.id, Self.readable($0.total), String($0.observedTaxa)]
            }))
        } else if samples > 0 {
            lines.append("(--samples lists each of the \(samples) samples)")
        }
        if !diagnostics.isEmpty {
            lines.append("")
            lines.append("diagnostics:")
            lines += diagnostics.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}

/// Minimum, maximum, median and mean of per-sample values, as `biom summarize-table` reports them.
struct Spread: Encodable, Equatable {
    var min: Double
    var max: Double
    var median: Double
    var mean: Double

    /// The spread of `values`; `nil` when there are none.
    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        min = sorted[0]
        max = sorted[sorted.count - 1]
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        mean = sorted.reduce(0, +) / Double(sorted.count)
    }

    var text: String {
        "min \(TableSummary.readable(min)), max \(TableSummary.readable(max)), median \(TableSummary.readable(median)), mean \(TableSummary.readable(mean))"
    }
}
