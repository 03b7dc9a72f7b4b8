import FormatKit
import ProfileModel
import TabularKit

/// What the long-table plugins share: detection and the layout.
enum LongTableSupport {
    /// Whether a header names a sample column, a value column and a taxon column.
    static func looksLong(_ table: PrefixTable) -> Bool {
        table.hasColumn(TableColumnNames.sample) && table.hasColumn(TableColumnNames.value)
            && (table.hasColumn(TableColumnNames.taxon) || table.hasColumn(TableColumnNames.lineage)
                || table.hasColumn(TableColumnNames.taxonID))
    }

    static func detect(_ prefix: InputPrefix, delimiters: Set<UInt8>, formatName: String) -> Detection {
        guard let table = PrefixTable(prefix), delimiters.contains(table.dialect.delimiter), looksLong(table) else {
            return .noMatch
        }
        return .match(confidence: 0.8, reason: "\(formatName): the header names sample, taxon and value columns (\(table.dialect))",
                      findings: DetectionFindings(table.findings))
    }

    /// Sample, taxon and value columns by name; every other column is sample metadata.
    static func layout(delimiter: UInt8?, structure: ProfileStructure?, taxonomySystem: String?) -> TableLayout {
        TableLayout(dialect: DialectSettings(delimiter: delimiter), header: .sniffed,
                    samples: .column(.anyOf(TableColumnNames.sample)),
                    columns: .init(featureID: .anyOf(TableColumnNames.taxon), rank: .anyOf(TableColumnNames.rank),
                                   lineage: .anyOf(TableColumnNames.lineage), taxonID: .anyOf(TableColumnNames.taxonID),
                                   label: .anyOf(TableColumnNames.label), abundance: .anyOf(TableColumnNames.value),
                                   remainingToSampleMetadata: true),
                    structure: structure, taxonomySystem: taxonomySystem)
    }

    static func read(_ input: ImportInput, options: ImportOptions, delimiter: UInt8?, formatID: String) throws(ImportError) -> ProfileTable {
        let structure = try TabularOptions.structure(options, format: formatID, input: input)
        let layout = layout(delimiter: delimiter, structure: structure, taxonomySystem: TabularOptions.taxonomySystem(options))
        return try TableImporter(layout: layout).read(input, options: options,
                                                      findings: options.findings?.value(as: TableFindings.self))
    }
}
