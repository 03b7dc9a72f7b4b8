import FormatKit
import ProfileModel
import TabularKit

/// A long ("tidy") tab-separated table: one row per sample and taxon, the layout R
/// (tidyverse), pandas (`melt`) and DuckDB users work with.
///
/// Columns are found by name: `sample`, `taxon` (or `feature`, `otu`, `clade`, …), `value`
/// (or `abundance`, `count`, `relative_abundance`, …), and optionally `label`, `rank`,
/// `lineage` (any lineage style) and `taxon_id`; every other column is sample metadata.
/// Tidy data: Wickham, J. Stat. Softw. 59(10), 2014 (https://doi.org/10.18637/jss.v059.i10).
///
/// ```
/// sample	taxon	value	rank	lineage
/// S1	OTU_1	120	phylum	k__Bacteria; p__Firmicutes
/// ```
///
/// Export writes non-zero values (plus the zero rows that keep every sample and taxon in
/// order) and loses provenance, taxon metadata, the unit and cumulative rows (a clade-cumulative table is written as its disjoint leaves).
public struct LongTSVFormat: ProfileImporter, ProfileExporter {
    public init() {}

    public let format = FormatDescription(
        id: "long-tsv", name: "Long (tidy) table (TSV)",
        summary: "One row per sample and taxon with its value, rank, lineage and taxon id, tab-separated.",
        versions: ["1"], extensions: ["long.tsv", "tidy.tsv"], mediaType: "text/tab-separated-values",
        specURL: "https://doi.org/10.18637/jss.v059.i10",
        canImport: true, canExport: true,
        exportLosses: ["provenance", "taxon metadata", "unit (re-inferred on import)", "clade-cumulative rows (written as disjoint leaves)"],
        companions: [TaxonomyCompanion.description], importOptions: TabularOptions.importOptions)

    public func detect(_ prefix: InputPrefix) -> Detection {
        LongTableSupport.detect(prefix, delimiters: [UInt8(ascii: "\t")], formatName: "long TSV table")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try LongTableSupport.read(input, options: options, delimiter: nil, formatID: format.id)
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> LongTableWriter.Plan {
        LongTableWriter(delimiter: UInt8(ascii: "\t")).plan(table)
    }

    public func write(_ plan: LongTableWriter.Plan, to output: inout OutputSink) throws(ExportError) {
        try plan.write(to: &output)
    }
}
