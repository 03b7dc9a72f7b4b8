import ArgumentParser
import FormatKit
import Foundation
import ProfileModel

/// `mhub inspect FILE`: what a file holds once imported.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Import a file and summarise it: format, samples, taxa, ranks, unit, structure, totals, diagnostics.")

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var input: InputOptions

    @Argument(help: "The file to inspect, or - for standard input.")
    var file: String

    @Flag(help: "Print the summary as JSON.")
    var json = false

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
        let summary = TableSummary(file: source.name, imported: imported)
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
    var unit: String
    var structure: String
    var ranks: [String]
    var source: [String: String]
    var steps: [ProvenanceStep]
    var sampleTotals: [SampleTotal]
    var diagnostics: [Diagnostic]

    init(file: String, imported: ImportedTable) {
        let table = imported.table
        self.file = file
        format = imported.format.id
        formatName = imported.format.name
        samples = table.samples.count
        taxa = table.taxa.count
        nonZeros = table.abundances.nonZeroCount
        unit = table.unit.description
        structure = table.structure.rawValue
        ranks = table.ranksPresent().map(\.rawValue)
        source = table.provenance.source.byName
        steps = table.provenance.steps
        let totals = table.sampleTotals()
        sampleTotals = table.samples.indices.map { index in
            SampleTotal(id: table.samples[index].id, total: totals[index],
                        observedTaxa: table.abundances.range(ofSample: index).count)
        }
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
            "non-zeros:   \(nonZeros)",
            "unit:        \(unit)",
            "structure:   \(structure)",
            "ranks:       \(ranks.isEmpty ? "none" : ranks.joined(separator: ", "))",
        ]
        for key in source.keys.sorted() { lines.append("source:      \(key) = \(source[key]!)") }
        lines.append("")
        lines.append(TextTable.render(header: ["SAMPLE", "TOTAL", "TAXA"], rows: sampleTotals.map {
            [$0.id, Self.readable($0.total), String($0.observedTaxa)]
        }))
        if !diagnostics.isEmpty {
            lines.append("")
            lines.append("diagnostics:")
            lines += diagnostics.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
