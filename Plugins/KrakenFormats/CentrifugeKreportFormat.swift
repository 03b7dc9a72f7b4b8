import FormatKit
import ProfileModel

/// The Kraken-style report `centrifuge-kreport` writes from Centrifuge's classification output.
///
/// Spec: https://ccb.jhu.edu/software/centrifuge/manual.shtml (centrifuge-kreport). Versions:
/// Centrifuge 1.x. Kraken 1's six columns with `-` for ranks outside the main ones; the script
/// always writes the `unclassified` row, also with zero reads, which Kraken leaves out. A real
/// report (taxpasta's test data, shortened):
/// ```
///   0.00	0	0	U	0	unclassified
/// 100.00	99	0	-	1	root
///  98.99	98	0	D	10239	  Viruses
/// ```
/// Read like a Kraken report: clade-cumulative counts, tax ids in the `taxonomy-system`
/// option's system. Centrifuge's direct counts do not always match clade minus children; the
/// clade counts are kept, so a leaf table's total equals the root's. Import only.
public struct CentrifugeKreportFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "centrifuge-kreport", name: "Centrifuge kreport",
        summary: "The Kraken-style report centrifuge-kreport writes from Centrifuge's classification.",
        versions: ["1.x"], extensions: ["centrifuge.txt", "kreport", "txt"],
        specURL: "https://ccb.jhu.edu/software/centrifuge/manual.shtml",
        canImport: true, canExport: false, importOptions: [TaxonomySystemOption.option])

    public func detect(_ prefix: InputPrefix) -> Detection {
        guard let traits = KrakenReportTraits.read(prefix), traits.layout == .standard else { return .noMatch }
        if traits.looksLikeCentrifuge {
            return traits.verdict(0.9, "Kraken 1-style report with '-' rank codes and a zero-read unclassified row, as centrifuge-kreport writes")
        }
        if traits.hasDashCodes, !traits.hasNumberedSubranks {
            return traits.verdict(0.4, "Kraken 1-style report with '-' rank codes, which centrifuge-kreport also writes")
        }
        return .noMatch
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try KrakenReportReader(input: input, options: options, layouts: [.standard], pipeline: "centrifuge", formatID: format.id).read()
    }
}
