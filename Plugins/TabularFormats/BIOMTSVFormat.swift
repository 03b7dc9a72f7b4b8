import FormatKit
import ProfileModel
import TabularKit

/// The classic OTU table TSV that `biom convert --to-tsv` writes (and QIIME 1 before it):
/// a `# Constructed from biom file` line, a header starting `#OTU ID`, one row per
/// observation, one column per sample, and an optional last `taxonomy` column
/// (`--header-key taxonomy`; QIIME 1 calls it `Consensus Lineage`).
///
/// Specification: none formal; described in the biom-format documentation,
/// http://biom-format.org/documentation/biom_conversion.html. Versions: biom-format 1.x–2.1,
/// QIIME 1 (`# QIIME v1.x OTU table`).
///
/// ```
/// # Constructed from biom file
/// #OTU ID	f2	f1	taxonomy
/// 295053	20	18	k__Bacteria; p__Firmicutes
/// ```
///
/// Export writes that layout exactly; it loses provenance, sample and taxon metadata, taxon
/// ids and labels, the unit and cumulative rows (a clade-cumulative table is written as its disjoint leaves).
public struct BIOMTSVFormat: ProfileImporter, ProfileExporter {
    public init() {}

    public let format = FormatDescription(
        id: "biom-tsv", name: "BIOM classic TSV (biom convert --to-tsv)",
        summary: "OTU table text written by biom convert --to-tsv and QIIME 1: #OTU ID header, optional taxonomy column.",
        versions: ["biom-format 1.x–2.1", "QIIME 1"], extensions: ["biom.tsv", "biom.txt", "otu_table.txt"],
        mediaType: "text/tab-separated-values",
        specURL: "http://biom-format.org/documentation/biom_conversion.html",
        canImport: true, canExport: true,
        exportLosses: ["provenance", "sample metadata", "taxon metadata", "taxon ids", "labels",
                       "unit (re-inferred on import)", "clade-cumulative rows (written as disjoint leaves)"],
        companions: [TaxonomyCompanion.description], importOptions: TabularOptions.importOptions)

    /// The first line `biom convert --to-tsv` writes.
    static let constructedLine = "# Constructed from biom file"

    public func detect(_ prefix: InputPrefix) -> Detection {
        let lines = prefix.firstNonBlankLines(3)
        guard let first = lines.first else { return .noMatch }
        if first.hasPrefix(Self.constructedLine) {
            return .match(confidence: 0.95, reason: "starts with '\(Self.constructedLine)'")
        }
        let header = lines.first { $0.hasPrefix("#OTU ID\t") || $0.hasPrefix("#OTU ID\r") }
        if header != nil {
            return .match(confidence: 0.9, reason: "header starts with '#OTU ID'")
        }
        return .noMatch
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let structure = try TabularOptions.structure(options, format: format.id, input: input)
        let layout = WideTableSupport.taxaAsRowsLayout(delimiter: UInt8(ascii: "\t"), structure: structure,
                                                       taxonomySystem: TabularOptions.taxonomySystem(options))
        return try TableImporter(layout: layout).read(input, options: options)
    }

    private var writer: WideTableWriter {
        WideTableWriter(delimiter: UInt8(ascii: "\t"), orientation: .taxaAsRows, cornerCell: "#OTU ID",
                        leadingLines: [Self.constructedLine], annotations: [.lineage])
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> WideTableWriter.Plan {
        writer.plan(table)
    }

    public func write(_ plan: WideTableWriter.Plan, to output: inout OutputSink) throws(ExportError) {
        try plan.write(to: &output)
    }
}
