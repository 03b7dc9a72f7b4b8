import FormatKit
import ProfileModel
import TabularKit

/// A wide comma-separated table (RFC 4180): one row per taxon and one column per sample, or
/// the transpose with `--option orientation=samples-as-rows`. European spreadsheets'
/// `;`-separated files with decimal commas, and `|`-separated exports, are read too.
///
/// Specification: RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) for quoting; the table
/// layout is the same as ``WideTSVFormat``'s.
///
/// ```
/// taxon;S1;S2
/// Bacteroides;12,5;0
/// ```
///
/// Export writes `,`-separated RFC 4180 text with a `taxon` corner cell, the same annotation
/// columns as ``WideTSVFormat`` (`--export-option annotations=…`), and loses what it loses.
public struct WideCSVFormat: ProfileImporter, ProfileExporter {
    public init() {}

    public let format = FormatDescription(
        id: "wide-csv", name: "Wide table (CSV)",
        summary: "Taxa × samples matrix as comma-, semicolon- or pipe-separated text, either orientation.",
        versions: ["1"], extensions: ["csv"], mediaType: "text/csv",
        specURL: "https://www.rfc-editor.org/rfc/rfc4180",
        canImport: true, canExport: true,
        exportLosses: ["provenance", "sample metadata", "taxon metadata", "unit (re-inferred on import)",
                       "clade-cumulative rows (written as disjoint leaves)",
                       "labels and taxon ids unless annotations=all",
                       "lineages, taxon ids and labels when written with samples as rows"],
        companions: [TaxonomyCompanion.description],
        importOptions: WideTableSupport.importOptions, exportOptions: WideTableSupport.exportOptions)

    public func detect(_ prefix: InputPrefix) -> Detection {
        WideTableSupport.detect(prefix, delimiters: [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|")],
                                formatName: "wide CSV table")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try WideTableSupport.read(input, options: options, delimiter: nil, formatID: format.id)
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> WideTableWriter.Plan {
        try WideTableSupport.plan(table, options: options, delimiter: UInt8(ascii: ","), cornerCell: nil, formatID: format.id)
    }

    public func write(_ plan: WideTableWriter.Plan, to output: inout OutputSink) throws(ExportError) {
        try plan.write(to: &output)
    }
}
