import FormatKit
import ProfileModel

/// The Kraken 2 report (`kraken2 --report`), also Kraken 1's `kraken-report`: one row per taxon
/// with its clade and direct read counts, rank code and indented name.
///
/// Spec: https://github.com/DerrickWood/kraken2/blob/master/docs/MANUAL.markdown#sample-report-output-format.
/// Versions: Kraken 2 (6 columns, or 8 with `--report-minimizer-data`), Kraken 1 (6 columns,
/// `-` for ranks outside the main ones). A real report (taxpasta's test data, shortened):
/// ```
///  99.97	627680	627680	U	0	unclassified
///   0.03	168	0	R	1	root
///   0.03	168	0	R1	131567	  cellular organisms
///   0.03	168	0	D	2759	    Eukaryota
/// ```
/// Rank codes `U R D K P C O F G S` with numbered sub-ranks (`S1` a strain level, `G2` an
/// unranked level below a genus); the lineage is the indentation. The table is
/// clade-cumulative read counts, the `unclassified` row kept, tax ids in the system of the
/// `taxonomy-system` option (`ncbi` by default; never guessed, see ``TaxonomySystemOption``).
/// Import only; percentages are checked against the counts, not stored, and minimizer columns are dropped.
public struct Kraken2ReportFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "kraken2-report", name: "Kraken 2 report",
        summary: "Kraken 2 (and Kraken 1) per-taxon report: clade and direct read counts, rank codes, indented names.",
        versions: ["2.x (6 columns)", "2.x --report-minimizer-data (8 columns)", "1.x"],
        extensions: ["kreport", "kraken2.report.txt", "report.txt", "report", "txt"],
        specURL: "https://github.com/DerrickWood/kraken2/blob/master/docs/MANUAL.markdown#sample-report-output-format",
        canImport: true, canExport: false, importOptions: [TaxonomySystemOption.option])

    public func detect(_ prefix: InputPrefix) -> Detection {
        guard let traits = KrakenReportTraits.read(prefix), traits.layout != .krakenUniq else { return .noMatch }
        let columns = traits.layout == .minimizers ? "8 columns with minimizer data" : "6 columns"
        if traits.looksLikeBracken {
            return traits.verdict(0.5, "Kraken-style report (\(columns)), but its unpadded percentages and direct reads only on rows without children are Bracken's")
        }
        if traits.looksLikeCentrifuge {
            return traits.verdict(0.5, "Kraken 1-style report, but its zero-read unclassified row is what centrifuge-kreport writes")
        }
        if traits.hasNumberedSubranks {
            return traits.verdict(0.9, "Kraken 2 report (\(columns)): rank codes with numbered sub-ranks (R1, D1, …), padded percentages")
        }
        if traits.hasDashCodes {
            return traits.verdict(0.85, "Kraken 1-style report (\(columns)): '-' rank codes for ranks outside the main ones")
        }
        return traits.verdict(0.8, "Kraken-style report (\(columns)): percent, clade and direct reads, rank codes, indented names")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try KrakenReportReader(input: input, options: options, layouts: [.standard, .minimizers], pipeline: "kraken2", formatID: format.id).read()
    }
}
