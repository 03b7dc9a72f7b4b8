import FormatKit
import ProfileModel

/// The KrakenUniq report: Kraken's report with unique k-mer counts, duplication and coverage.
///
/// Spec: https://github.com/fbreitwieser/krakenuniq/blob/master/README.md#output. Versions:
/// KrakenUniq 0.5–1.x. `#` lines (version, date, database, command line), a header, then nine
/// columns with rank words instead of codes. A real report (taxpasta's test data, shortened):
/// ```
/// # KrakenUniq v1.0.2 DATE:2023-01-26T13:02:13Z DB:./krakenuniq DB_SIZE:3337541896 WD:…
/// %	reads	taxReads	kmers	dup	cov	taxID	rank	taxName
/// 3.418	15525	15525	5226988	1.17	NA	0	no rank	unclassified
/// 96.58	438670	0	44598440	1.86	0.1568	1	no rank	root
/// 75.33	342150	6	36180860	1.79	0.1529	2	superkingdom	    Bacteria
/// ```
/// Read like a Kraken report: clade-cumulative read counts (`reads`), the unclassified row kept,
/// tax ids in the `taxonomy-system` option's system; the version and database go into the
/// provenance. Import only; the k-mer, duplication and coverage columns are not kept.
public struct KrakenUniqReportFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "krakenuniq-report", name: "KrakenUniq report",
        summary: "KrakenUniq's per-taxon report with read, unique k-mer, duplication and coverage columns.",
        versions: ["0.5", "1.x"], extensions: ["krakenuniq.report.txt", "report.txt", "txt"],
        specURL: "https://github.com/fbreitwieser/krakenuniq/blob/master/README.md",
        canImport: true, canExport: false, importOptions: [TaxonomySystemOption.option])

    public func detect(_ prefix: InputPrefix) -> Detection {
        if let traits = KrakenReportTraits.read(prefix), traits.layout == .krakenUniq {
            return traits.verdict(0.95, "KrakenUniq's column header (%, reads, taxReads, kmers, dup, cov, taxID, rank, taxName) over rows of its nine columns")
        }
        let lines = prefix.firstNonBlankLines(1)
        if lines.first?.hasPrefix("# KrakenUniq") == true {
            return .match(confidence: 0.6, reason: "a '# KrakenUniq' first line, but rows that are not all KrakenUniq's")
        }
        return .noMatch
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try KrakenReportReader(input: input, options: options, layouts: [.krakenUniq], pipeline: "krakenuniq", formatID: format.id).read()
    }
}
