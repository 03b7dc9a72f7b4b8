import FormatKit
import ProfileModel
import TabularKit

/// What a wide-table detector found: the sniffed table and the orientation its text suggests.
struct WideTableFindings: Sendable, Hashable {
    var table: TableFindings
    var orientation: WideTableWriter.Orientation
}

/// What the wide-table plugins share: detection, the layout for each orientation, reading and writing.
enum WideTableSupport {
    static let importOptions = [TabularOptions.importOrientation] + TabularOptions.importOptions
    static let exportOptions = [TabularOptions.exportOrientation, TabularOptions.exportAnnotations]

    /// How well a prefix looks like a wide table with one of `delimiters`: a header and at
    /// least one all-numeric column besides the first, no long-table header, and nothing that
    /// ``objection(to:)`` finds. Rows that nest as lineages are named in the reason, since they
    /// are read as clade-cumulative. A match hands the sniffed dialect, header line and
    /// orientation to `read`.
    static func detect(_ prefix: InputPrefix, delimiters: Set<UInt8>, formatName: String) -> Detection {
        guard let table = PrefixTable.of(prefix), delimiters.contains(table.dialect.delimiter) else { return .noMatch }
        if LongTableSupport.looksLong(table) || objection(to: table) != nil { return .noMatch }
        let numeric = table.numericColumns().filter { $0 > 0 }
        guard table.header.count >= 2, !numeric.isEmpty else {
            return table.rows.isEmpty ? .unsure(reason: "a \(formatName) header without data rows") : .noMatch
        }
        var reason = "\(formatName): \(table.header.count) columns, \(numeric.count) of them numeric (\(table.dialect))"
        if let nested = table.nestedRowLabels() {
            reason += "; rows nest ('\(nested.inner)' within '\(nested.outer)'), so the values are read as clade-cumulative"
        }
        return .match(confidence: 0.5, reason: reason,
                      findings: DetectionFindings(WideTableFindings(table: table.findings, orientation: orientation(of: table))))
    }

    /// The first thing the start of a table shows that a wide table cannot explain: a header
    /// that is a data row, a measure where a sample id belongs, a taxonomy table, a distance
    /// matrix, a table of alpha-diversity values. Such files are left to the plugins of their own formats (or to `--from`).
    static func objection(to table: PrefixTable) -> String? {
        table.headerLooksLikeData()
            ?? table.measureColumns(named: TableColumnNames.value)
            ?? table.taxonomyTableColumns(lineageNames: TableColumnNames.lineage + ["taxon"],
                                          annotationNames: TableColumnNames.taxonomyAnnotation)
            ?? table.squareMatrixOfSameIDs()
            ?? table.metricColumns(named: TableColumnNames.alphaDiversityMetric,
                                   what: "alpha-diversity metrics: a diversity result (alpha_diversity.py, mhub analyze), not a profile")
    }

    /// The layout for taxa as rows: the first column is the feature id (or a lineage), every
    /// other column a sample, except annotation columns recognised by name.
    static func taxaAsRowsLayout(delimiter: UInt8?, structure: ProfileStructure?, taxonomySystem: String?) -> TableLayout {
        TableLayout(dialect: DialectSettings(delimiter: delimiter), header: .sniffed,
                    samples: .eachColumn(excluding: []),
                    columns: .init(featureID: .index(1), rank: .anyOf(TableColumnNames.rank),
                                   lineage: .anyOf(TableColumnNames.lineage), taxonID: .anyOf(TableColumnNames.taxonID),
                                   label: .anyOf(TableColumnNames.label)),
                    structure: structure, taxonomySystem: taxonomySystem, parsesLineageFromFeatureID: true)
    }

    /// The layout for samples as rows: the first column is the sample id, every other column a taxon.
    static func samplesAsRowsLayout(delimiter: UInt8?, structure: ProfileStructure?) -> TableLayout {
        TableLayout(dialect: DialectSettings(delimiter: delimiter), header: .sniffed,
                    samples: .eachRow(idColumn: .index(1), excluding: []),
                    structure: structure, parsesLineageFromFeatureID: true)
    }

    /// Reads a wide table in the orientation `--option orientation=…` names, else the one
    /// detection found, else the one the prefix suggests (``orientation(of:)``).
    static func read(_ input: ImportInput, options: ImportOptions, delimiter: UInt8?, formatID: String) throws(ImportError) -> ProfileTable {
        let structure = try TabularOptions.structure(options, format: formatID, input: input)
        let found = options.findings?.value(as: WideTableFindings.self)
        var orientation = try TabularOptions.importOrientation(options, format: formatID, input: input) ?? found?.orientation
        if orientation == nil {
            orientation = PrefixTable.of(try input.prefix()).map(Self.orientation(of:)) ?? .taxaAsRows
        }
        let layout = orientation == .samplesAsRows
            ? samplesAsRowsLayout(delimiter: delimiter, structure: structure)
            : taxaAsRowsLayout(delimiter: delimiter, structure: structure,
                               taxonomySystem: TabularOptions.taxonomySystem(options))
        return try TableImporter(layout: layout).read(input, options: options, findings: found?.table)
    }

    /// The orientation a table's own text suggests: lineages down the first column mean taxa as
    /// rows (a merged MetaPhlAn table, whatever its corner cell says); lineages across the header
    /// mean samples as rows; otherwise a corner cell such as `sample` or `#SampleID` means samples
    /// as rows, and anything else taxa as rows.
    static func orientation(of table: PrefixTable) -> WideTableWriter.Orientation {
        if !table.rows.isEmpty {
            let lineagesDown = table.rows.filter { looksLikeLineage($0.first ?? "") }.count
            if lineagesDown * 2 > table.rows.count { return .taxaAsRows }
            let lineagesAcross = table.header.dropFirst().filter(looksLikeLineage).count
            if lineagesAcross * 2 > table.header.count - 1 { return .samplesAsRows }
        }
        let corner = HeaderCells.normalized(table.header.first ?? "")
        return TableColumnNames.sampleCorner.contains(corner) ? .samplesAsRows : .taxaAsRows
    }

    private static func looksLikeLineage(_ text: String) -> Bool {
        let style = LineageParser.parseWithStyle(text).style
        return style == .prefixed || style == .levelPrefixed
    }

    /// Plans a wide table in the orientation `--export-option orientation=…` asks for (taxa as
    /// rows by default) with the annotation columns `--export-option annotations=…` asks for (by
    /// default only `taxonomy`, as OTU tables have it); `cornerCell` heads the id column of taxa as
    /// rows. Samples as rows has no annotation column; the plan names every column not written as a loss.
    static func plan(_ table: ProfileTable, options: ExportOptions, delimiter: UInt8, cornerCell: String?,
                     formatID: String) throws(ExportError) -> WideTableWriter.Plan {
        let orientation = try TabularOptions.exportOrientation(options, format: formatID)
        let annotations = try TabularOptions.exportAnnotations(options, format: formatID)
        return WideTableWriter(delimiter: delimiter, orientation: orientation,
                               cornerCell: orientation == .taxaAsRows ? cornerCell : nil,
                               annotations: annotations.kinds).plan(table)
    }
}
