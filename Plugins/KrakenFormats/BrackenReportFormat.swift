import FormatKit
import ProfileModel

/// The Kraken-style report Bracken rewrites (`bracken -w`), with read counts re-estimated at one rank.
///
/// Spec: https://github.com/jenniferlu717/Bracken#output-kraken-style-bracken-report. Versions:
/// Bracken 2.x. The layout is Kraken's six columns; what tells it apart is content: percentages
/// written unpadded (`%0.2f`, Kraken pads to six places) and direct reads only on rows without
/// children (the re-estimated rank, and leaves above it), where they equal the clade reads. A real report (Bracken's sample output, shortened):
/// ```
///   1.60	425595	425595	U	0	unclassified
/// 98.40	26241408	0	R	1	root
/// 5.44	1449813	0	G	561	              Escherichia
/// 5.44	1449813	1449813	S	562	                Escherichia coli
/// ```
/// Read like a Kraken 2 report: clade-cumulative counts, the unclassified row kept, tax ids in
/// the `taxonomy-system` option's system. Import only.
public struct BrackenReportFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "bracken-report", name: "Bracken report",
        summary: "Bracken's Kraken-style report with read counts re-estimated at one rank.",
        versions: ["2.x"], extensions: ["breport", "bracken.report", "report", "txt"],
        specURL: "https://github.com/jenniferlu717/Bracken#output-kraken-style-bracken-report",
        canImport: true, canExport: false, importOptions: [TaxonomySystemOption.option])

    public func detect(_ prefix: InputPrefix) -> Detection {
        guard let traits = KrakenReportTraits.read(prefix), traits.layout == .standard else { return .noMatch }
        if traits.looksLikeBracken {
            let ranks = traits.directRanks.sorted().joined(separator: ", ")
            return traits.verdict(0.95, "Kraken-style report rewritten by Bracken: unpadded percentages, direct reads only on rows without children (ranks \(ranks.isEmpty ? "none" : ranks))")
        }
        return .unsure(reason: "Kraken-style report; Bracken's unpadded percentages, or its direct reads only on rows without children, are missing")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try KrakenReportReader(input: input, options: options, layouts: [.standard], pipeline: "bracken", formatID: format.id).read()
    }
}
