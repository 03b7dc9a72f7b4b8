import ArgumentParser
import ProfileModel
import Taxonomy

/// `mhub taxonomy resolve --to ncbi|gtdb|lpsn`: the full resolution of each name, lineage or
/// tax id, with method and evidence, as `reconcile` reports it for a table's taxa.
struct TaxonomyResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve each name, lineage or NCBI tax id on standard input to a target naming, with method and evidence.")

    @OptionGroup var reference: ReferenceOptions

    @Option(name: .customLong("to"), help: ArgumentHelp("The target naming: ncbi, gtdb or lpsn.", valueName: "taxonomy"))
    var target: String

    @Flag(help: "Print JSON instead of TSV.")
    var json = false

    func run() throws {
        let resolver = try reference.resolver(target: try ReferenceOptions.parseTarget(target))
        let rows = TaxonomyCommand.inputLines().enumerated().map { index, line in
            ReconciliationReport.Row(resolver.resolve(Self.taxon(String(line), number: index + 1)))
        }
        let report = ReconciliationReport(target: resolver.target, rows: rows)
        if json {
            TaxonomyCommand.writeOutput(Array(try report.json()) + [0x0A])
        } else {
            TaxonomyCommand.writeOutput(Array(report.tsv().utf8))
        }
    }

    /// A query as a taxon: digits are an NCBI tax id, anything else a lineage in any style.
    static func taxon(_ text: String, number: Int) -> Taxon {
        let trimmed = LineageParser.trimming(Substring(text), newlines: true)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isNumber) {
            return Taxon(id: "line-\(number)", label: trimmed, taxonID: TaxonID(system: "ncbi", value: trimmed))
        }
        return Taxon(id: "line-\(number)", label: trimmed, lineage: LineageParser.parse(trimmed))
    }
}
