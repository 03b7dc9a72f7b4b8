import FormatKit
import ProfileModel

/// BIOM 1.0: the Biological Observation Matrix as one JSON document, written by QIIME 1,
/// biom-format (`biom convert --to-json`), phyloseq, MetaPhlAn (`--biom`) and many pipelines.
///
/// Spec: http://biom-format.org/documentation/format_versions/biom-1.0.html. Versions: 1.0,
/// and the pre-1.0 drafts QIIME 1.4 wrote ("Biological Observation Matrix 0.9.1-dev").
///
/// A real file (biom-format's `examples/rich_sparse_otu_table.biom`, shortened):
/// ```
/// {"id": null, "format": "1.0.0", "format_url": "http://biom-format.org", "type": "OTU table",
///  "generated_by": "QIIME revision XYZ", "date": "2011-12-19T19:00:00",
///  "rows": [{"id": "GG_OTU_1", "metadata": {"taxonomy": ["k__Bacteria", "p__Proteobacteria", …]}}, …],
///  "columns": [{"id": "Sample1", "metadata": {"BODY_SITE": "gut", …}}, …],
///  "matrix_type": "sparse", "matrix_element_type": "int", "shape": [5, 6],
///  "data": [[0, 2, 1], [1, 0, 5], …]}
/// ```
///
/// Import streams the document (``BIOMJSONReader``), sparse or dense, in any key order;
/// observation metadata go through ``BIOMObservationMapping`` (taxonomy → lineage), sample
/// metadata keep their JSON types, the header fields and other top-level scalars go into
/// `provenance.source`, and the unit is the file's `unit` entry, else inferred (``BIOMUnitInference``).
///
/// Export writes every header field (`generated_by` names mhub and its version; the type fits
/// the content when the source gave none), the metadata with their types, other source facts as
/// extra top-level strings, and the hub's entries (``BIOMHubEntries``: unit, provenance steps,
/// the source's generator), which biom-format tolerates and import reads back. It loses
/// diagnostics and the date type of metadata values; clade-cumulative tables are written as
/// their leaves (BIOM rows are disjoint features).
/// Export option `matrix-type=dense` writes a dense matrix (for small tables).
public struct BIOMJSONFormat: ProfileImporter, ProfileExporter {
    public init() {}

    /// How the `data` matrix is written.
    enum MatrixType: String, CaseIterable {
        case sparse, dense
    }

    /// `--export-option matrix-type=sparse|dense`.
    static let matrixType = PluginOption.choice(
        "matrix-type", of: MatrixType.self, defaultValue: .sparse,
        help: "sparse [row, column, value] triplets, or one full row per observation (small tables)")

    /// A planned BIOM 1.0 export.
    public struct Plan: ExportPlan {
        let biom: BIOMExportPlan
        let dense: Bool
        public var losses: [DeclaredLoss] { biom.losses }
    }

    public let format = FormatDescription(
        id: "biom-json", name: "BIOM 1.0 (JSON)",
        summary: "Biological Observation Matrix 1.0 in JSON, as written by QIIME 1, biom-format, phyloseq and MetaPhlAn.",
        versions: ["1.0", "0.9.1-dev"], extensions: ["biom"], mediaType: "application/json",
        specURL: "http://biom-format.org/documentation/format_versions/biom-1.0.html",
        canImport: true, canExport: true,
        exportLosses: ["import diagnostics",
                       "clade-cumulative structure (written as leaves with residual rows)",
                       "the date type of metadata values (written as text)"],
        companions: [BIOMTaxonomyCompanion.description], exportOptions: [Self.matrixType])

    public func detect(_ prefix: InputPrefix) -> Detection {
        let text = prefix.text.drop { $0.isWhitespace }
        guard text.first == "{" else { return .noMatch }
        if text.contains("Biological Observation Matrix") {
            return .match(confidence: 0.95, reason: "JSON object naming the Biological Observation Matrix format")
        }
        let keys = ["\"matrix_type\"", "\"matrix_element_type\"", "\"shape\"", "\"generated_by\""]
        let found = keys.filter { text.contains($0) }.count
        if found >= 2 { return .match(confidence: 0.8, reason: "JSON object with BIOM's keys (\(found) of \(keys.count))") }
        if text.contains("biom-format.org") { return .match(confidence: 0.8, reason: "JSON object linking the BIOM specification") }
        return .noMatch
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try BIOMJSONReader(input: input, options: options).read()
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> Plan {
        let matrix: MatrixType?
        do { matrix = try options.choice(Self.matrixType, as: MatrixType.self, format: format.id, direction: .export) } catch {
            throw .invalidOption(error)
        }
        return Plan(biom: BIOMExportPlan(table, reserved: BIOMJSONReader.fieldNames), dense: matrix == .dense)
    }

    public func write(_ plan: Plan, to output: inout OutputSink) throws(ExportError) {
        try BIOMJSONWriter(plan: plan.biom, dense: plan.dense).write(to: &output)
    }
}
