import FormatKit
import ProfileModel
import TabularKit

/// The `--option` / `--export-option` settings the generic tabular plugins declare, and their
/// typed reading. Each declaration is the one the plugin's description lists and its reader reads.
enum TabularOptions {
    /// `orientation=taxa-as-rows|samples-as-rows` on import (detected when not given).
    static let importOrientation = PluginOption.choice(
        "orientation", of: WideTableWriter.Orientation.self,
        help: "which way the matrix runs; detected from lineages and the corner cell when not given")

    /// `orientation=…` on export.
    static let exportOrientation = PluginOption.choice(
        "orientation", of: WideTableWriter.Orientation.self, defaultValue: .taxaAsRows,
        help: "one row per taxon (with annotation columns) or one row per sample")

    /// Which taxon annotation columns a wide table with one row per taxon has after its samples.
    enum AnnotationColumns: String, CaseIterable {
        /// The classic OTU table that `biom convert`, pandas and R read: a `taxonomy` column only.
        case taxonomy
        /// `label`, `taxon_id` and `taxonomy`, for every fact a wide table can hold.
        case all
        /// Only the matrix.
        case none

        var kinds: Set<TaxonAnnotations.Kind> {
            switch self {
            case .taxonomy: [.lineage]
            case .all: Set(TaxonAnnotations.Kind.allCases)
            case .none: []
            }
        }
    }

    /// `annotations=taxonomy|all|none` on export.
    static let exportAnnotations = PluginOption.choice(
        "annotations", of: AnnotationColumns.self, defaultValue: .taxonomy,
        help: "columns after the samples: taxonomy (the classic OTU table), all (label, taxon_id, taxonomy) or none")

    /// `taxonomy=SYSTEM`: the system of bare values in a taxon id column.
    static let taxonomy = PluginOption(
        name: "taxonomy", kind: .text, defaultValue: "ncbi",
        help: "the taxonomy system of bare ids in a taxon_id column (ncbi, gtdb, …)")

    /// What every tabular importer takes.
    static let importOptions = [TableImportOptions.structure, taxonomy]

    static func structure(_ options: ImportOptions, format: String, input: ImportInput) throws(ImportError) -> ProfileStructure? {
        try TableImportOptions.structure(options, format: format, input: input)
    }

    static func taxonomySystem(_ options: ImportOptions) -> String? {
        options.parameters[taxonomy.name]
    }

    static func importOrientation(_ options: ImportOptions, format: String,
                                  input: ImportInput) throws(ImportError) -> WideTableWriter.Orientation? {
        do { return try options.choice(importOrientation, as: WideTableWriter.Orientation.self, format: format, direction: .import) } catch {
            throw .invalidOption(input.location(), error)
        }
    }

    static func exportOrientation(_ options: ExportOptions, format: String) throws(ExportError) -> WideTableWriter.Orientation {
        do {
            return try options.choice(exportOrientation, as: WideTableWriter.Orientation.self, format: format, direction: .export)
                ?? .taxaAsRows
        } catch {
            throw .invalidOption(error)
        }
    }

    static func exportAnnotations(_ options: ExportOptions, format: String) throws(ExportError) -> AnnotationColumns {
        do {
            return try options.choice(exportAnnotations, as: AnnotationColumns.self, format: format, direction: .export)
                ?? .taxonomy
        } catch {
            throw .invalidOption(error)
        }
    }
}
