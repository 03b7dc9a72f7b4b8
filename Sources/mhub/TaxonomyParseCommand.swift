import Foundation
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
        /// `[rank, name]` pairs, as profile JSON writes lineages.
        var lineage: [[String]]
        var placeholders: [String: [PlaceholderKind]]
        var gtdbSuffixes: [String: [String]]
    }

    /// A line in any style: a Kraken report line (six or eight tab-separated columns with a rank
    /// code), an NCBI name lineage with its rank lineage after a tab, or one lineage string.
    static func parse(_ line: String) -> (Lineage, String) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if fields.count == 6 || fields.count == 8, let code = LineageParser.krakenRank(code: fields[fields.count - 3]) {
            let name = LineageParser.trimming(Substring(fields[fields.count - 1]), newlines: false)
            let rank = code.levelsBelow == 0 ? code.rank ?? .unranked : .unranked
            return (Lineage([LineageEntry(rank: rank, name: name)]) ?? Lineage(), "kraken-report")
        }
        if fields.count == 2, fields[1].split(separator: ";").allSatisfy({ $0 == "no rank" || $0 == "clade" || Rank(name: String($0)) != nil
                                                                           || LineageParser.ncbiRank(word: String($0)) != nil }) {
            return (LineageParser.fromNCBI(names: fields[0], ranks: fields[1]), "ncbi-ranked")
        }
        let (lineage, style) = LineageParser.parseWithStyle(line)
        return (lineage, style.rawValue)
    }

    func run() throws {
        let parsed = TaxonomyCommand.inputLines().map { line -> Parsed in
            let (lineage, style) = Self.parse(String(line))
            var placeholders: [String: [PlaceholderKind]] = [:]
            var suffixes: [String: [String]] = [:]
            var parent: String?
            for entry in lineage.entries where !entry.name.isEmpty {
                let kinds = PlaceholderRecognizer.kinds(of: entry.name, parent: parent)
                if !kinds.isEmpty { placeholders[entry.name] = kinds }
                if let split = LineageParser.splitGTDBSuffix(entry.name) { suffixes[entry.name] = split.suffixes }
                parent = entry.name
            }
            return Parsed(input: String(line), style: style, lineage: lineage.entries.map { [$0.rank.rawValue, $0.name] },
                          placeholders: placeholders, gtdbSuffixes: suffixes)
        }
        if json { return try TaxonomyCommand.writeJSON(parsed) }
        var lines = ["input\tstyle\tlineage\tplaceholders\tgtdb_suffixes"]
        for item in parsed {
            let ranked = item.lineage.map { "\($0[0]):\($0[1])" }.joined(separator: "; ")
            let placeholders = item.placeholders.keys.sorted()
                .map { "\($0)=\(item.placeholders[$0]!.map(\.rawValue).joined(separator: ","))" }.joined(separator: " | ")
            let suffixes = item.gtdbSuffixes.keys.sorted()
                .map { "\($0)=\(item.gtdbSuffixes[$0]!.joined(separator: ","))" }.joined(separator: " | ")
            // A Kraken line's own tabs would shift the columns; in TSV they are shown as spaces.
            let input = item.input.replacingOccurrences(of: "\t", with: " ")
            lines.append([input, item.style, ranked, placeholders, suffixes].joined(separator: "\t"))
        }
        TaxonomyCommand.writeOutput(Array((lines.joined(separator: "\n") + "\n").utf8))
    }
}
