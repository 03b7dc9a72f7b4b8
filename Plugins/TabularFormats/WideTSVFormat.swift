import FormatKit
import ProfileModel
import TabularKit

/// A wide tab-separated table: one row per taxon and one column per sample (or, with
/// `--option orientation=samples-as-rows`, the transpose), as spreadsheets, pandas
/// `DataFrame.to_csv(sep="\t")`, merged MetaPhlAn tables and MGnify study summaries write it.
///
/// There is no formal specification; the layout is the common denominator of those writers.
/// Import sniffs title and comment lines above the header, a BOM, UTF-16, CRLF, decimal
/// commas, thousands separators and `%` signs; the first column holds feature ids or lineages
/// (`k__Bacteria;p__Firmicutes`, `k__…|s__…`), and `taxonomy`, `taxon_id`, `label` or `rank`
/// columns annotate the taxa. The unit is inferred from the values unless `--unit` is given.
///
/// ```
/// #OTU ID	S1	S2	taxonomy
/// OTU_1	120	0	k__Bacteria; p__Firmicutes
/// ```
///
/// Export writes that classic OTU table by default (the `#OTU ID` header and an optional last
/// `taxonomy` column), so `biom convert`, pandas and R's `read.delim` load it as it is;
/// `--export-option annotations=all` adds `label` and `taxon_id` columns, `annotations=none`
/// leaves only the matrix. Export loses provenance, sample metadata, taxon metadata, the unit
/// (re-inferred on import), cumulative rows (a clade-cumulative table is written as its disjoint
/// leaves) and every annotation column not written (samples as rows has none); the export plan
/// declares each loss.
public struct WideTSVFormat: ProfileImporter, ProfileExporter {
    public init() {}

    public let format = FormatDescription(
        id: "wide-tsv", name: "Wide table (TSV)",
        summary: "Taxa × samples matrix as tab-separated text, either orientation, with optional taxonomy columns.",
        versions: ["1"], extensions: ["tsv", "txt", "tab"], mediaType: "text/tab-separated-values",
        specURL: "https://www.iana.org/assignments/media-types/text/tab-separated-values",
        canImport: true, canExport: true,
        exportLosses: ["provenance", "sample metadata", "taxon metadata", "unit (re-inferred on import)",
                       "clade-cumulative rows (written as disjoint leaves)",
                       "labels and taxon ids unless annotations=all",
                       "lineages, taxon ids and labels when written with samples as rows"],
        companions: [TaxonomyCompanion.description],
        importOptions: WideTableSupport.importOptions, exportOptions: WideTableSupport.exportOptions)

    public func detect(_ prefix: InputPrefix) -> Detection {
        WideTableSupport.detect(prefix, delimiters: [UInt8(ascii: "\t")], formatName: "wide TSV table")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try WideTableSupport.read(input, options: options, delimiter: nil, formatID: format.id)
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> WideTableWriter.Plan {
        try WideTableSupport.plan(table, options: options, delimiter: UInt8(ascii: "\t"), cornerCell: "#OTU ID",
                                  formatID: format.id)
    }

    public func write(_ plan: WideTableWriter.Plan, to output: inout OutputSink) throws(ExportError) {
        try plan.write(to: &output)
    }
}
