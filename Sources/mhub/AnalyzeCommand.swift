import Analysis
import ArgumentParser
import FormatKit
import Foundation
import ProfileModel

/// `mhub analyze IN`: alpha and beta diversity, ordination, composition and GMHI of one table.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Diversity and composition of a table, with values equal to scikit-bio's.",
        discussion: """
            -o writes one TSV: the alpha table (sample_id, then scikit-bio metric ids), or with --beta \
            the distance matrix in scikit-bio's DistanceMatrix layout, or with --gmhi alone the index. \
            --json writes every requested result as one JSON document. Samples from different assays, \
            pipelines or databases are analysed at the deepest rank they share unless --rank is given; \
            the notes on standard error say so.
            """)

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var analysis: AnalysisOptions

    @Argument(help: "The input file, or - for standard input.")
    var inputFile: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file, or - for standard output (the default).", valueName: "file"))
    var output = "-"

    @Option(help: ArgumentHelp("Alpha metrics, comma-separated scikit-bio ids (\(AlphaCatalogue.all.map(\.id).joined(separator: ","))); all that fit the unit when no other result is asked for.", valueName: "ids"))
    var alpha: String?

    @Option(help: ArgumentHelp("A distance: braycurtis, jaccard or aitchison.", valueName: "metric"))
    var beta: String?

    @Option(help: ArgumentHelp("Principal coordinates of the distance matrix, this many axes (JSON only).", valueName: "axes"))
    var pcoa: Int?

    @Flag(help: "Compute the Gut Microbiome Health Index (Gupta et al. 2020) at species rank.")
    var gmhi = false

    @Option(name: .customLong("gmhi-species"), help: ArgumentHelp("GMHI species sets to use instead of the published ones (TSV: set, species).", valueName: "file"))
    var gmhiSpecies: String?

    @Flag(help: "Write all results as one JSON document.")
    var json = false

    func validate() throws {
        let tables = [alpha != nil, beta != nil, gmhi].filter { $0 }.count
        if !json && tables > 1 { throw ValidationError("a TSV holds one result: ask for one of --alpha, --beta, --gmhi, or use --json") }
        if pcoa != nil && (beta == nil || !json) { throw ValidationError("--pcoa needs --beta and --json") }
        if let pcoa, pcoa < 1 { throw ValidationError("--pcoa needs at least one axis") }
    }

    func run() throws {
        var clock = PhaseTimings()
        defer {
            clock.lap("write")
            if analysis.timings { FileHandle.standardErrorWrite("mhub: \(clock.line)") }
        }
        let imported = try AnalysisOptions.importTable(inputFile, plugins: plugins, input: input)
        clock.lap("import")
        let prepared = try analysis.prepare(imported)
        clock.lap("prepare")
        var results = AnalysisResults(table: prepared)
        let table = prepared.table
        let destination = Destination(path: output, inputs: [inputFile])

        if let alpha = alpha ?? (beta == nil && !gmhi ? AnalysisOptions.defaultAlphaIDs(for: table) : nil) {
            let metrics = try analysis.alphaMetrics(alpha)
            let result = try AnalysisOptions.run { () throws(AnalysisError) in try AlphaDiversity(table, metrics: metrics) }
            clock.lap("alpha")
            if !json { return try destination.write { emit throws(ExportError) in try TSVWriting.alpha(result, emit) } }
            results.include(result, metrics: metrics)
        }
        if let beta {
            let metric = try AnalysisOptions.run { () throws(AnalysisError) in try BetaMetric(id: beta) }
            let matrix = try analysis.distances(table, metric: metric, quiet: input.quiet)
            clock.lap(metric.rawValue)
            if !json { return try destination.write { emit throws(ExportError) in try TSVWriting.distanceMatrix(matrix, emit) } }
            results.include(matrix, metric: metric, pseudocount: metric == .aitchison ? try analysis.pseudocount(for: table) : nil)
            if let pcoa {
                let ordination = try AnalysisOptions.run { () throws(AnalysisError) in try PrincipalCoordinates(matrix, axes: pcoa) }
                results.include(ordination, distance: metric)
            }
        }
        if gmhi {
            let values = try AnalysisOptions.gmhi(imported, speciesFile: gmhiSpecies)
            if !json {
                return try destination.write { emit throws(ExportError) in
                    try TSVWriting.column(named: "GMHI", ids: imported.samples.map(\.id), values: values, emit)
                }
            }
            results.include(gmhi: values)
        }
        if let rank = prepared.comparability.analysedRank {
            results.composition = CompositionSummary(table, rank: rank, top: 20)
        }
        let document = try JSONOutput.summary(results) + "\n"
        try destination.write { emit throws(ExportError) in try emit(Array(document.utf8)) }
    }
}
