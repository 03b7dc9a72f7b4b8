import FormatKit
import ProfileModel
import TabularKit

/// What the wide-table plugins share: detection, the layout for each orientation, and reading.
enum WideTableSupport {
    /// How well a prefix looks like a wide table with one of `delimiters`: a header and at
    /// least one all-numeric column besides the first, no long-table header, and nothing that
    /// ``objection(to:)`` finds. Rows that nest as lineages are named in the reason, since they
    /// are read as clade-cumulative.
    static func detect(_ prefix: InputPrefix, delimiters: Set<UInt8>, formatName: String) -> Detection {
        guard let table = PrefixTable(prefix), delimiters.contains(table.dialect.delimiter) else { return .noMatch }
        if LongTableSupport.looksLong(table) || objection(to: table) != nil { return .noMatch }
        let numeric = table.numericColumns().filter { $0 > 0 }
        guard table.header.count >= 2, !numeric.isEmpty else {
            return table.rows.isEmpty ? .unsure(reason: "a \(formatName) header without data rows") : .noMatch
        }
        var reason = "\(formatName): \(table.header.count) columns, \(numeric.count) of them numeric (\(table.dialect))"
        if let nested = table.nestedRowLabels() {
            reason += "; rows nest ('\(nested.inner)' within '\(nested.outer)'), so the values are read as clade-cumulative"
        }
        return .match(confidence: 0.5, reason: reason)
    }

    /// The first thing the start of a table shows that a wide table cannot explain: a header
    /// that is a data row, a measure where a sample id belongs, a taxonomy table, a distance
    /// matrix. Such files are left to the plugins of their own formats (or to `--from`).
    static func objection(to table: PrefixTable) -> String? {
        table.headerLooksLikeData()
            ?? table.measureColumns(named: TableColumnNames.value)
            ?? table.taxonomyTableColumns(lineageNames: TableColumnNames.lineage + ["taxon"],
                                          annotationNames: TableColumnNames.taxonomyAnnotation)
            ?? table.squareMatrixOfSameIDs()
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

    /// Reads a wide table in the orientation `--option orientation=…` names, or else the one
    /// ``orientation(of:layout:)`` finds.
    static func read(_ input: ImportInput, options: ImportOptions, delimiter: UInt8?, formatID: String) throws(ImportError) -> ProfileTable {
        let orientation: WideTableWriter.Orientation?
        let structure: ProfileStructure?
        switch TabularOptions.orientation(options.parameters) {
        case .success(let value): orientation = value
        case .failure(let problem): throw problem.importError(input)
        }
        switch TabularOptions.structure(options.parameters) {
        case .success(let value): structure = value
        case .failure(let problem): throw problem.importError(input)
        }
        let taxaLayout = taxaAsRowsLayout(delimiter: delimiter, structure: structure,
                                          taxonomySystem: TabularOptions.taxonomySystem(options.parameters))
        var chosen = orientation
        if chosen == nil { chosen = try Self.orientation(of: input, layout: taxaLayout) }
        let layout = chosen == .samplesAsRows ? samplesAsRowsLayout(delimiter: delimiter, structure: structure) : taxaLayout
        return try TableImporter(layout: layout, formatID: formatID).read(input, options: options)
    }

    /// The orientation a table's own text suggests: lineages down the first column mean taxa as
    /// rows (a merged MetaPhlAn table, whatever its corner cell says); lineages across the header
    /// mean samples as rows; otherwise a corner cell such as `sample` or `#SampleID` means samples
    /// as rows, and anything else taxa as rows.
    static func orientation(of input: ImportInput, layout: TableLayout) throws(ImportError) -> WideTableWriter.Orientation {
        if let table = PrefixTable(try input.prefix(), settings: layout.dialect), !table.rows.isEmpty {
            let lineagesDown = table.rows.filter { looksLikeLineage($0.first ?? "") }.count
            if lineagesDown * 2 > table.rows.count { return .taxaAsRows }
            let lineagesAcross = table.header.dropFirst().filter(looksLikeLineage).count
            if lineagesAcross * 2 > table.header.count - 1 { return .samplesAsRows }
        }
        let corner = HeaderCells.normalized(try TableImporter.peekHeader(input, layout: layout).cells.first ?? "")
        return TableColumnNames.sampleCorner.contains(corner) ? .samplesAsRows : .taxaAsRows
    }

    private static func looksLikeLineage(_ text: String) -> Bool {
        let style = LineageParser.parseWithStyle(text).style
        return style == .prefixed || style == .levelPrefixed
    }

    /// Writes a wide table in the orientation `--option orientation=…` asks for (taxa as rows by default).
    static func write(_ table: ProfileTable, to output: inout OutputSink, options: ExportOptions,
                      delimiter: UInt8) throws(ExportError) {
        try writer(options: options, delimiter: delimiter).write(table, to: &output)
    }

    /// What a wide table loses in the orientation the options ask for: samples as rows has no
    /// taxonomy, taxon id or label column. Options the export refuses lose nothing, since
    /// nothing is written.
    static func losses(for table: ProfileTable, options: ExportOptions, delimiter: UInt8) -> [DeclaredLoss] {
        guard let writer = try? writer(options: options, delimiter: delimiter) else { return [] }
        return writer.losses(for: table)
    }

    static func writer(options: ExportOptions, delimiter: UInt8) throws(ExportError) -> WideTableWriter {
        switch TabularOptions.orientation(options.parameters) {
        case .success(let orientation): return WideTableWriter(delimiter: delimiter, orientation: orientation ?? .taxaAsRows)
        case .failure(let problem): throw problem.exportError
        }
    }
}
