import ArgumentParser
import ProfileModel
import Taxonomy

/// `mhub taxonomy parse`: how the hub reads each lineage: its style, ranks, placeholders and GTDB suffixes.
struct TaxonomyParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show how each lineage on standard input is parsed: style, ranked levels, placeholders and GTDB suffixes.")

    @Flag(help: "Print JSON instead of TSV.")
    var json = false

    struct Parsed: Encodable {
        var input: String
        var style: String
        var lineage: [LineageEntry]
        var placeholders: [String: [PlaceholderKind]]
        var gtdbSuffixes: [String: [String]]
    }

    func run() throws {
        let parsed = TaxonomyCommand.inputLines().map { line -> Parsed in
            let (lineage, style) = LineageParser.parseWithStyle(String(line))
            var placeholders: [String: [PlaceholderKind]] = [:]
            var suffixes: [String: [String]] = [:]
            var parent: String?
            for entry in lineage.entries where !entry.name.isEmpty {
                let kinds = PlaceholderRecognizer.kinds(of: entry.name, parent: parent)
                if !kinds.isEmpty { placeholders[entry.name] = kinds }
                if let split = LineageParser.splitGTDBSuffix(entry.name) { suffixes[entry.name] = split.suffixes }
                parent = entry.name
            }
            return Parsed(input: String(line), style: style.rawValue, lineage: lineage.entries,
                          placeholders: placeholders, gtdbSuffixes: suffixes)
        }
        if json { return try TaxonomyCommand.writeJSON(parsed) }
        var lines = ["input\tstyle\tlineage\tplaceholders\tgtdb_suffixes"]
        for item in parsed {
            let ranked = item.lineage.map { "\($0.rank.rawValue):\($0.name)" }.joined(separator: "; ")
            let placeholders = item.placeholders.keys.sorted()
                .map { "\($0)=\(item.placeholders[$0]!.map(\.rawValue).joined(separator: ","))" }.joined(separator: " | ")
            let suffixes = item.gtdbSuffixes.keys.sorted()
                .map { "\($0)=\(item.gtdbSuffixes[$0]!.joined(separator: ","))" }.joined(separator: " | ")
            lines.append([item.input, item.style, ranked, placeholders, suffixes].joined(separator: "\t"))
        }
        TaxonomyCommand.writeOutput(Array((lines.joined(separator: "\n") + "\n").utf8))
    }
}
