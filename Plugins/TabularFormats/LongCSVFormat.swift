import FormatKit
import ProfileModel
import TabularKit

/// A long ("tidy") comma-separated table (RFC 4180): one row per sample and taxon, with
/// the columns ``LongTSVFormat`` describes. `;`- and `|`-separated files are read too.
///
/// ```
/// sample,taxon,value,lineage
/// S1,OTU_1,0.25,"k__Bacteria; p__Firmicutes"
/// ```
///
/// Export loses what ``LongTSVFormat`` loses.
public struct LongCSVFormat: ProfileImporter, ProfileExporter {
    public init() {}

    public let format = FormatDescription(
        id: "long-csv", name: "Long (tidy) table (CSV)",
        summary: "One row per sample and taxon with its value, rank, lineage and taxon id, comma-separated.",
        versions: ["1"], extensions: ["long.csv", "tidy.csv"], mediaType: "text/csv",
        specURL: "https://www.rfc-editor.org/rfc/rfc4180",
        canImport: true, canExport: true,
        exportLosses: ["provenance", "taxon metadata", "unit (re-inferred on import)", "clade-cumulative rows (written as disjoint leaves)"],
        companions: [TaxonomyCompanion.description], importOptions: TabularOptions.importOptions)

    public func detect(_ prefix: InputPrefix) -> Detection {
        LongTableSupport.detect(prefix, delimiters: [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|")],
                                formatName: "long CSV table")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try LongTableSupport.read(input, options: options, delimiter: nil, formatID: format.id)
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> LongTableWriter.Plan {
        LongTableWriter(delimiter: UInt8(ascii: ",")).plan(table)
    }

    public func write(_ plan: LongTableWriter.Plan, to output: inout OutputSink) throws(ExportError) {
        try plan.write(to: &output)
    }
}
