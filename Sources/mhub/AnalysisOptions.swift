import Analysis
import ArgumentParser
import FormatKit
import Foundation
import ProfileModel

/// The analysis settings `analyze` and `report` share, and the steps they share: import through
/// the registry (the same path as `convert`), preparation at a rank, and the metrics.
struct AnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Collapse to this rank first (domain … species); by default the features as imported, or the deepest rank all sources share.", valueName: "rank"))
    var rank: String?

    @Option(name: .customLong("shannon-base"), help: ArgumentHelp("The logarithm base of Shannon's index: e (default, as scikit-bio), 2, 10 or any number > 1.", valueName: "base"))
    var shannonBase = "e"

    @Option(help: ArgumentHelp("The CLR pseudocount for Aitchison (default 1 for counts, else half the smallest non-zero value).", valueName: "value"))
    var pseudocount: Double?

    @Option(help: ArgumentHelp("Rarefy every sample to this many reads first (counts only; samples with fewer are left out).", valueName: "depth"))
    var rarefy: Int?

    @Option(help: ArgumentHelp("The seed of the rarefaction.", valueName: "n"))
    var seed: UInt64 = 1

    @Flag(name: .customLong("relative"), help: "Close every sample to proportions (sum 1) before computing distances.")
    var closeToRelative = false

    @Flag(help: "Print the wall-clock time of each phase (import, prepare, compute, write) on standard error.")
    var timings = false

    /// Imports `path` the way `convert` does.
    static func importTable(_ path: String, plugins: PluginOptions, input: InputOptions) throws(CommandFailure) -> ProfileTable {
        let registry = try plugins.registry()
        let formatID = try input.importFormat(in: registry)
        let source = try input.openInput(path)
        let options = try input.importOptions()
        do {
            let table = try registry.importTable(source, formatID: formatID, options: options).table
            for diagnostic in table.diagnostics where diagnostic.severity == .warning {
                FileHandle.standardErrorWrite("mhub: \(diagnostic)")
            }
            return table
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Rarefies, closes and collapses as asked, and prints the comparability notes on standard error.
    func prepare(_ imported: ProfileTable) throws(CommandFailure) -> AnalysisTable {
        let requested: Rank? = try rank.map { name throws(CommandFailure) in
            guard let value = Rank(name: name), value != .unranked else {
                throw CommandFailure(message: "error [usage]: unknown rank '\(name)' (use \(Rank.ordered.map(\.rawValue).joined(separator: ", ")))",
                                     exitCode: CommandFailure.usageExitCode)
            }
            return value
        }
        return try Self.run { () throws(AnalysisError) in
            var analysed = try AnalysisTable(imported, rank: requested)
            if let rarefy {
                let (rarefied, dropped) = try Rarefaction(depth: rarefy, seed: seed).apply(to: analysed.table)
                if !dropped.isEmpty {
                    FileHandle.standardErrorWrite("mhub: note [analysis.rarefaction]: \(dropped.count) sample(s) have fewer than \(rarefy) reads and are left out: \(dropped.prefix(10).joined(separator: ", "))\(dropped.count > 10 ? ", …" : "")")
                }
                analysed = analysed.replacingTable(rarefied)
            }
            if closeToRelative { analysed = analysed.replacingTable(try RelativeAbundance.closed(analysed.table)) }
            for note in analysed.comparability.notes { FileHandle.standardErrorWrite("mhub: note [analysis.comparability]: \(note)") }
            return analysed
        }
    }

    /// The alpha metrics named by a comma-separated list.
    func alphaMetrics(_ list: String) throws(CommandFailure) -> [any AlphaMetric] {
        guard let base = LogBase(shannonBase) else {
            throw CommandFailure(message: "error [usage]: --shannon-base must be e, 2, 10 or a number greater than 1", exitCode: CommandFailure.usageExitCode)
        }
        let ids = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        do { return try AlphaCatalogue.metrics(ids: ids, shannonBase: base) } catch {
            throw CommandFailure(message: error.description, exitCode: CommandFailure.usageExitCode)
        }
    }

    /// Every metric valid for the table's unit, when none is named.
    static func defaultAlphaIDs(for table: ProfileTable) -> String {
        let metrics: [any AlphaMetric]
        if case .counts = table.unit, !table.abundances.values.contains(where: { $0 != $0.rounded() }) {
            metrics = AlphaCatalogue.all
        } else {
            metrics = AlphaCatalogue.compositional
        }
        return metrics.map(\.id).joined(separator: ",")
    }

    /// The distance matrix, warning about undefined pairs unless `quiet`.
    func distances(_ table: ProfileTable, metric: BetaMetric, quiet: Bool) throws(CommandFailure) -> DistanceMatrix {
        let matrix = try Self.run { () throws(AnalysisError) in try metric.distances(table, pseudocount: pseudocount) }
        let undefined = matrix.undefinedPairs
        if !undefined.isEmpty, !quiet {
            FileHandle.standardErrorWrite("mhub: warning [analysis.undefined-distance]: \(undefined.count) pair(s) have no defined \(metric.rawValue) distance (two empty samples); written as nan")
        }
        return matrix
    }

    /// The pseudocount Aitchison uses for `table`.
    func pseudocount(for table: ProfileTable) throws(CommandFailure) -> Double {
        try Self.run { () throws(AnalysisError) in try CenteredLogRatio(for: table, pseudocount: pseudocount).pseudocount }
    }

    /// GMHI of every sample, at species rank.
    static func gmhi(_ imported: ProfileTable, speciesFile: String?) throws(CommandFailure) -> [Double] {
        try run { () throws(AnalysisError) in
            let index = try GutMicrobiomeHealthIndex(speciesFile: speciesFile)
            let species = try AnalysisTable(imported, rank: .species)
            FileHandle.standardErrorWrite("mhub: note [analysis.gmhi]: \(GutMicrobiomeHealthIndex.caveat)")
            return index.values(species.table)
        }
    }

    /// Runs an analysis step, turning its error into a data failure (exit 1).
    static func run<Value>(_ step: () throws(AnalysisError) -> Value) throws(CommandFailure) -> Value {
        do { return try step() } catch {
            throw CommandFailure(message: error.description, exitCode: CommandFailure.dataExitCode)
        }
    }
}
