import Foundation
import FormatKit
import ProfileModel

/// The state of one import: resolved columns, the builder and what has been seen so far.
struct TableReadSession {
    enum Mode {
        case long(sampleColumn: Int)
        case singleSample
        case taxaAsRows(samples: [(field: Int, sample: Int)])
        case samplesAsRows(idColumn: Int, taxa: [(field: Int, taxon: Int)])
    }

    let layout: TableLayout
    let input: ImportInput
    let options: ImportOptions
    let dialect: TableDialect
    let headerLine: Int
    let headerCount: Int
    var mode: Mode
    var builder: ProfileTableBuilder
    var evidence = UnitEvidence()
    var missingTokenCount = 0
    var dataRows = 0
    var lastSampleOfTaxon: [Int] = []
    var parentKeys: [Int: String] = [:]
    var paths: [Int: [String]] = [:]
    var variedMetadata: Set<String> = []
    let commentPrefix: [UInt8]?

    // Resolved columns (0-based fields).
    let featureIDColumn: Int?, nameColumn: Int?, rankColumn: Int?, lineageColumn: Int?, taxonIDColumn: Int?
    let parentColumn: Int?, pathColumn: Int?, labelColumn: Int?, abundanceColumn: Int?
    var sampleMetadataColumns: [(field: Int, key: String)]
    let taxonMetadataColumns: [(field: Int, key: String)]
    /// The taxon cell compared with the layout's unclassified values, and those values lower-cased.
    let unclassifiedColumn: Int?
    let unclassifiedValues: Set<String>
    /// How the table writes metadata dates and numbers.
    let metadataCells: MetadataCells

    init(layout: TableLayout, input: ImportInput, options: ImportOptions, dialect: TableDialect,
         header: TableRecord, preamble: PreambleValues) throws(ImportError) {
        self.layout = layout
        self.input = input
        self.options = options
        self.dialect = dialect
        self.headerLine = header.line
        self.headerCount = header.count
        self.commentPrefix = layout.commentPrefix.map { Array($0.utf8) }
        let metadataCells = MetadataCells(dateLayouts: layout.dateLayouts, decimalMark: dialect.decimalMark)
        self.metadataCells = metadataCells
        let cells = (0..<header.count).map { HeaderCells.normalized(header.string($0)) }
        let location = input.location(line: header.line)

        func resolve(_ reference: TableLayout.ColumnRef?) throws(ImportError) -> Int? {
            guard let reference else { return nil }
            switch reference {
            case .index(let index):
                guard index >= 1, index <= cells.count else {
                    throw .missingField(location, field: "column \(index) (the header has \(cells.count) columns)")
                }
                return index - 1
            case .name(let name):
                guard let index = cells.firstIndex(of: HeaderCells.normalized(name)) else {
                    throw .missingField(location, field: "column '\(name)'")
                }
                return index
            case .anyOf(let names):
                return names.lazy.compactMap { cells.firstIndex(of: HeaderCells.normalized($0)) }.first
            }
        }
        func require(_ reference: TableLayout.ColumnRef) throws(ImportError) -> Int {
            guard let index = try resolve(reference) else { throw .missingField(location, field: "column \(reference)") }
            return index
        }
        let columns = layout.columns
        featureIDColumn = try resolve(columns.featureID)
        nameColumn = try resolve(columns.taxonName)
        rankColumn = try resolve(columns.rank)
        lineageColumn = try resolve(columns.lineage)
        taxonIDColumn = try resolve(columns.taxonID)
        parentColumn = try resolve(columns.parentID)
        pathColumn = try resolve(columns.taxonIDPath)
        labelColumn = try resolve(columns.label)
        abundanceColumn = try resolve(columns.abundance)
        var sampleMetadata: [(Int, String)] = []
        for (reference, key) in columns.sampleMetadata.sorted(by: { $0.value < $1.value }) {
            sampleMetadata.append((try require(reference), key))
        }
        var taxonMetadata: [(Int, String)] = []
        for (reference, key) in columns.taxonMetadata.sorted(by: { $0.value < $1.value }) {
            taxonMetadata.append((try require(reference), key))
        }
        sampleMetadataColumns = sampleMetadata
        taxonMetadataColumns = taxonMetadata
        unclassifiedValues = Set(layout.unclassifiedValues.map { TextCells.trim($0).lowercased() })
        unclassifiedColumn = unclassifiedValues.isEmpty ? nil : nameColumn ?? lineageColumn ?? featureIDColumn

        let fileName = URL(fileURLWithPath: input.name).lastPathComponent
        builder = ProfileTableBuilder(unit: .counts, structure: layout.structure ?? .leaves,
                                      provenance: Provenance(source: SourceFacts(names: layout.provenance)))

        var mapped = Set<Int>()
        for column in [featureIDColumn, nameColumn, rankColumn, lineageColumn, taxonIDColumn, parentColumn,
                       pathColumn, labelColumn, abundanceColumn].compactMap({ $0 }) { mapped.insert(column) }
        for (field, _) in sampleMetadata + taxonMetadata { mapped.insert(field) }

        switch layout.samples {
        case .column(let reference):
            guard abundanceColumn != nil else { throw .missingField(location, field: "abundance column") }
            let sampleColumn = try require(reference)
            mapped.insert(sampleColumn)
            if columns.remainingToSampleMetadata {
                for field in 0..<header.count where !mapped.contains(field) && !header.trimmed(field).isEmpty {
                    sampleMetadataColumns.append((field, header.trimmed(field)))
                }
            }
            mode = .long(sampleColumn: sampleColumn)
        case .fileName(let pattern):
            guard abundanceColumn != nil else { throw .missingField(location, field: "abundance column") }
            var id = options.sampleID ?? ""
            if id.isEmpty { id = try Self.sampleID(fromFileName: fileName, pattern: pattern, input: input) }
            try Self.addSingleSample(id: id, metadata: Self.preambleMetadata(preamble, layout, metadataCells), to: &builder, at: location)
            mode = .singleSample
        case .preamble(let key):
            guard abundanceColumn != nil else { throw .missingField(location, field: "abundance column") }
            guard let id = options.sampleID ?? preamble.value(for: key), !id.isEmpty else {
                throw .missingField(input.location(line: 1), field: "\(key) (the sample id line above the header)")
            }
            try Self.addSingleSample(id: id, metadata: Self.preambleMetadata(preamble, layout, metadataCells), to: &builder, at: location)
            mode = .singleSample
        case .eachColumn(let excluding):
            for reference in excluding { if let index = try? resolve(reference) { mapped.insert(index) } }
            var samples: [(Int, Int)] = []
            for field in 0..<header.count where !mapped.contains(field) {
                let id = header.trimmed(field)
                if id.isEmpty { continue }
                do {
                    samples.append((field, try builder.addSample(Sample(id: id))))
                } catch {
                    let position = header.position(ofField: field)
                    throw ImportError(error, at: input.location(line: position.line, column: position.column))
                }
            }
            mode = .taxaAsRows(samples: samples)
        case .eachRow(let idReference, let excluding):
            let idColumn = try require(idReference)
            mapped.insert(idColumn)
            for reference in excluding { if let index = try? resolve(reference) { mapped.insert(index) } }
            var taxa: [(Int, Int)] = []
            for field in 0..<header.count where !mapped.contains(field) {
                let id = header.trimmed(field)
                if id.isEmpty { continue }
                let parsed = LineageParser.parseWithStyle(id)
                let lineage = layout.parsesLineageFromFeatureID && parsed.style != .plain ? parsed.lineage : Lineage()
                do {
                    taxa.append((field, try builder.addTaxon(Taxon(id: id, label: id, lineage: lineage))))
                } catch {
                    let position = header.position(ofField: field)
                    throw ImportError(error, at: input.location(line: position.line, column: position.column))
                }
            }
            mode = .samplesAsRows(idColumn: idColumn, taxa: taxa)
        }
    }

    // MARK: Rows

    mutating func consume(_ incoming: TableRecord) throws(ImportError) {
        if incoming.isBlank { return }
        if let commentPrefix, incoming.raw.starts(with: commentPrefix) { return }
        try checkShape(incoming)
        let record = incoming.count < headerCount ? incoming.padded(to: headerCount) : incoming
        dataRows += 1
        switch mode {
        case .taxaAsRows(let samples):
            let taxon = try newTaxon(record, id: try featureID(of: record))
            for (field, sample) in samples where !record.isPlainZero(field, decimalMark: dialect.decimalMark) {
                guard let (value, percent) = try number(record, field) else { continue }
                try store(value, percent: percent, sample: sample, taxon: taxon, record: record, field: field)
            }
        case .samplesAsRows(let idColumn, let taxa):
            let id = record.trimmed(idColumn)
            let sample = try addSample(id: id, record: record, field: idColumn)
            for (field, taxon) in taxa {
                guard let (value, percent) = try number(record, field) else { continue }
                try store(value, percent: percent, sample: sample, taxon: taxon, record: record, field: field)
            }
        case .singleSample:
            if dataRows == 1, !sampleMetadataColumns.isEmpty {
                var metadata = builder.sample(at: 0).metadata
                for (column, key) in sampleMetadataColumns {
                    if let value = metadataValue(record.trimmed(column)) { metadata[key] = value }
                }
                builder.setMetadata(metadata, ofSample: 0)
            }
            let taxon = try newTaxon(record, id: try featureID(of: record))
            if let (value, percent) = try number(record, abundanceColumn!) {
                try store(value, percent: percent, sample: 0, taxon: taxon, record: record, field: abundanceColumn!)
            }
        case .long(let sampleColumn):
            let sampleID = record.trimmed(sampleColumn)
            var sample: Int
            if let known = builder.sampleIndex(id: sampleID) { sample = known } else {
                sample = try addSample(id: sampleID, record: record, field: sampleColumn)
            }
            noteVaryingMetadata(record, sample: sample)
            let id = try featureID(of: record)
            var taxon: Int
            if let known = builder.taxonIndex(id: id) { taxon = known } else { taxon = try newTaxon(record, id: id) }
            if lastSampleOfTaxon[taxon] == sample {
                let position = record.position(ofField: featureIDColumn ?? taxonIDColumn ?? nameColumn ?? lineageColumn ?? 0)
                throw .duplicateTaxon(input.location(line: position.line, column: position.column),
                                      id: "\(id)' in sample '\(sampleID)")
            }
            lastSampleOfTaxon[taxon] = sample
            if let (value, percent) = try number(record, abundanceColumn!) {
                try store(value, percent: percent, sample: sample, taxon: taxon, record: record, field: abundanceColumn!)
            }
        }
    }

    private func checkShape(_ record: TableRecord) throws(ImportError) {
        if record.count < headerCount, !layout.padsShortRows {
            let position = record.position(ofField: record.count)
            throw .shapeMismatch(input.location(line: position.line, column: position.column),
                                 reason: "the row has \(record.count) fields but the header has \(headerCount)")
        }
        if record.count > headerCount,
           let extra = (headerCount..<record.count).first(where: { !record.trimmed($0).isEmpty }) {
            let position = record.position(ofField: extra)
            throw .shapeMismatch(input.location(line: position.line, column: position.column),
                                 reason: "the row has \(record.count) fields but the header has \(headerCount)")
        }
    }

    /// The cell's number, `nil` for an empty, missing or zero cell; fails on text and negatives.
    private mutating func number(_ record: TableRecord, _ field: Int) throws(ImportError) -> (Double, Bool)? {
        // Most cells of a wide table are zeros: they hold no abundance and need no parsing.
        if record.isPlainZero(field, decimalMark: dialect.decimalMark) { return nil }
        let cell = record.field(field)
        switch NumberCells.read(cell, decimalMark: dialect.decimalMark, missing: layout.missingTokens) {
        case .missing:
            if !NumberCells.trimSpaces(cell).isEmpty { missingTokenCount += 1 }
            return nil
        case .invalid:
            let position = record.position(ofField: field)
            throw .invalidValue(input.location(line: position.line, column: position.column),
                                value: record.trimmed(field), reason: "is not a number")
        case .number(let value, let percent):
            guard value.isFinite, value >= 0 else {
                let position = record.position(ofField: field)
                throw .invalidValue(input.location(line: position.line, column: position.column),
                                    value: record.trimmed(field), reason: value.isFinite ? "is negative" : "is not finite")
            }
            return (value, percent)
        }
    }

    private mutating func store(_ value: Double, percent: Bool, sample: Int, taxon: Int,
                                record: TableRecord, field: Int) throws(ImportError) {
        guard value != 0 else { return }
        evidence.observe(value, percentSign: percent, sample: sample)
        do { try builder.setValue(value, sample: sample, taxon: taxon) } catch {
            let position = record.position(ofField: field)
            throw ImportError(error, at: input.location(line: position.line, column: position.column))
        }
    }

    // MARK: Samples and taxa

    private mutating func addSample(id: String, record: TableRecord, field: Int) throws(ImportError) -> Int {
        var metadata: [String: MetadataValue] = [:]
        for (column, key) in sampleMetadataColumns {
            let cell = record.trimmed(column)
            if !cell.isEmpty { metadata[key] = metadataCells.value(cell) }
        }
        do { return try builder.addSample(Sample(id: id, metadata: metadata)) } catch {
            let position = record.position(ofField: field)
            throw ImportError(error, at: input.location(line: position.line, column: position.column))
        }
    }

    private mutating func noteVaryingMetadata(_ record: TableRecord, sample: Int) {
        guard !sampleMetadataColumns.isEmpty else { return }
        let known = builder.sample(at: sample).metadata
        for (column, key) in sampleMetadataColumns where !variedMetadata.contains(key)
            && known[key] != metadataValue(record.trimmed(column)) {
            variedMetadata.insert(key)
            builder.addDiagnostic(Diagnostic(
                .metadataVaries,
                message: "column '\(key)' differs between rows of the same sample; the first value is kept",
                sample: builder.sample(at: sample).id, location: "\(input.name):\(record.line)"))
        }
    }

    /// A metadata cell's value; an empty cell is no value.
    private func metadataValue(_ cell: String) -> MetadataValue? {
        cell.isEmpty ? nil : metadataCells.value(cell)
    }

    private func cell(_ record: TableRecord, _ column: Int?) -> String? {
        guard let column else { return nil }
        let text = record.trimmed(column)
        return text.isEmpty || layout.missingTokens.contains(text) ? nil : text
    }

    /// The taxon cell as written when it is one of the layout's unclassified values.
    private func unclassifiedLabel(_ record: TableRecord) -> String? {
        guard let unclassifiedColumn else { return nil }
        let text = record.trimmed(unclassifiedColumn)
        return unclassifiedValues.contains(text.lowercased()) ? text : nil
    }

    /// The row's feature id: the unclassified mass's, else the id column, else `system:taxid`,
    /// else the name, else the lineage text.
    private func featureID(of record: TableRecord) throws(ImportError) -> String {
        if unclassifiedLabel(record) != nil { return Taxon.unclassifiedID }
        if let id = cell(record, featureIDColumn) { return id }
        if let taxid = cell(record, taxonIDColumn) { return taxonID(taxid).description }
        if let name = cell(record, nameColumn) { return name }
        if let lineage = cell(record, lineageColumn) { return lineage }
        let column = featureIDColumn ?? taxonIDColumn ?? nameColumn ?? lineageColumn ?? 0
        let position = record.position(ofField: column)
        throw .missingField(input.location(line: position.line, column: position.column), field: "taxon (the cell is empty)")
    }

    /// A taxon id cell: `system:value` as the hub writes it, or a bare value in the layout's system (NCBI by default).
    private func taxonID(_ cell: String) -> TaxonID {
        if layout.taxonomySystem == nil, let parsed = TaxonID(cell), !parsed.system.isEmpty,
           parsed.system.allSatisfy({ $0.isLetter || $0 == "-" }) {
            return parsed
        }
        return TaxonID(system: layout.taxonomySystem ?? "ncbi", value: cell)
    }

    private mutating func newTaxon(_ record: TableRecord, id: String) throws(ImportError) -> Int {
        if let label = unclassifiedLabel(record) { return try addTaxon(Taxon.unclassified(label: label), record: record) }
        let name = cell(record, nameColumn)
        let rank = cell(record, rankColumn).flatMap(RankCells.rank)
        let lineageText = cell(record, lineageColumn)
        let rawID = featureIDColumn.map { record.trimmed($0) }
        var lineage = Lineage()
        if let lineageText {
            let text = ListLiteralCells.items(lineageText)?.joined(separator: ";") ?? lineageText
            lineage = LineageParser.parse(text, rankHint: rank)
        } else if layout.parsesLineageFromFeatureID, let rawID {
            let parsed = LineageParser.parseWithStyle(rawID, rankHint: rank)
            if parsed.style != .plain { lineage = parsed.lineage }
        }
        if lineage.isEmpty, let name { lineage = Lineage([LineageEntry(rank: rank ?? .unranked, name: name)]) ?? Lineage() }
        var metadata: [String: MetadataValue] = [:]
        for (column, key) in taxonMetadataColumns { metadata[key] = metadataCells.value(record.trimmed(column)) }
        let taxonID = cell(record, taxonIDColumn).map(taxonID)
        let label = cell(record, labelColumn) ?? name ?? rawID ?? lineageText ?? id
        let index = try addTaxon(Taxon(id: id, label: label, lineage: lineage, taxonID: taxonID, metadata: metadata),
                                 record: record)
        if let parent = cell(record, parentColumn) { parentKeys[index] = parent }
        if let path = cell(record, pathColumn) {
            paths[index] = path.split(separator: "|", omittingEmptySubsequences: true).map { TextCells.trim(String($0)) }
        }
        return index
    }

    private mutating func addTaxon(_ taxon: Taxon, record: TableRecord) throws(ImportError) -> Int {
        let index: Int
        do { index = try builder.addTaxon(taxon) } catch {
            let position = record.position(ofField: featureIDColumn ?? taxonIDColumn ?? nameColumn ?? lineageColumn ?? 0)
            throw ImportError(error, at: input.location(line: position.line, column: position.column))
        }
        lastSampleOfTaxon.append(-1)
        return index
    }

    // MARK: Finishing

    /// The table read, with the warnings of ``AbundancePlausibility`` that every table and
    /// document this engine reads gets.
    mutating func finish(windows1252Line: Int?, taxonomy: TaxonomyCompanion?) throws(ImportError) -> ProfileTable {
        // A header without a single data row is no table (300 random bytes can look like one).
        if dataRows == 0 { throw .emptyInput(input.location(line: headerLine)) }
        if !parentKeys.isEmpty || !paths.isEmpty {
            TaxonHierarchy.assignLineages(parents: parentKeys, paths: paths, builder: &builder)
        }
        taxonomy?.annotate(&builder)
        // Rows named by nested lineages are clades at several depths: their values are
        // cumulative, and their sums say nothing about the unit.
        let nested = layout.structure == nil ? Self.nestedPair(builder) : nil
        let structure = layout.structure ?? (nested == nil ? .leaves : .cladeCumulative)
        builder.structure = structure
        if let unit = options.unit ?? layout.unit {
            builder.unit = unit
        } else {
            let (unit, reason) = evidence.inferredUnit(structure: structure)
            builder.unit = unit
            builder.addDiagnostic(Diagnostic(.unitInferred,
                                             message: "read the values as \(unit) because \(reason); pass --unit to override"))
        }
        if let line = windows1252Line {
            builder.addDiagnostic(Diagnostic(.windows1252,
                                             message: "the file is not valid UTF-8; read it as Windows-1252",
                                             location: "\(input.name):\(line)"))
        }
        if missingTokenCount > 0 {
            builder.addDiagnostic(Diagnostic(.missingValues,
                                             message: "\(missingTokenCount) cell(s) hold a missing-value token (such as NA) and were read as absent"))
        }
        if let pair = nested {
            builder.addDiagnostic(Diagnostic(
                .nestedLineages,
                message: "taxon '\(pair.inner)' lies inside '\(pair.outer)', so the rows were read as clade-cumulative — if they are disjoint features, pass --option structure=leaves",
                taxon: pair.inner))
        }
        builder.provenance.source[.dialect] = dialect.description
        var table: ProfileTable
        do { table = try builder.build() } catch { throw ImportError(error, at: input.location()) }
        table.diagnostics += AbundancePlausibility.diagnostics(for: table)
        return table
    }

    /// Two rows named by their lineage (`k__Bacteria|p__Firmicutes`) that nest, if any: the
    /// sign of a clade-cumulative table read as leaves. Rows with their own ids (OTUs) are not
    /// compared, since OTUs of one genus at different depths are ordinary leaves.
    private static func nestedPair(_ builder: ProfileTableBuilder) -> (outer: String, inner: String)? {
        var byPath: [[LineageEntry]: String] = [:]
        var candidates: [(id: String, path: [LineageEntry])] = []
        for index in 0..<builder.taxonCount {
            let taxon = builder.taxon(at: index)
            let path = taxon.lineage.named
            guard !path.isEmpty, LineageParser.parse(taxon.id) == taxon.lineage else { continue }
            // A lineage ending in an empty rank (`o__Bacteroidales;f__`) is a leaf for the
            // unresolved rest of its clade, not the clade's total.
            if byPath[path] == nil, taxon.lineage.entries.last?.name.isEmpty == false { byPath[path] = taxon.id }
            candidates.append((taxon.id, path))
        }
        for (id, path) in candidates where path.count > 1 {
            for length in 1..<path.count {
                if let outer = byPath[Array(path.prefix(length))] { return (outer, id) }
            }
        }
        return nil
    }

    // MARK: Single-sample helpers

    private static func preambleMetadata(_ preamble: PreambleValues, _ layout: TableLayout,
                                         _ cells: MetadataCells) -> [String: MetadataValue] {
        var metadata: [String: MetadataValue] = [:]
        for (key, name) in layout.preamble?.metadata ?? [:] {
            if let value = preamble.value(for: key) { metadata[name] = cells.value(value) }
        }
        return metadata
    }

    private static func addSingleSample(id: String, metadata: [String: MetadataValue],
                                        to builder: inout ProfileTableBuilder, at location: SourceLocation) throws(ImportError) {
        do { try builder.addSample(Sample(id: id, metadata: metadata)) } catch { throw ImportError(error, at: location) }
    }

    /// The sample id a file name gives: the first capture group of `pattern`, or the name without `.gz` and one extension.
    static func sampleID(fromFileName fileName: String, pattern: String?, input: ImportInput) throws(ImportError) -> String {
        var name = fileName
        if name.lowercased().hasSuffix(".gz") { name.removeLast(3) }
        if let pattern {
            guard let regex = try? Regex(pattern) else {
                throw .unsupported(input.location(), reason: "the sample id pattern '\(pattern)' is not a valid regular expression")
            }
            if let match = try? regex.firstMatch(in: PatternSafety.subject(Substring(name))), match.output.count > 1,
               let captured = match.output[1].substring, !captured.isEmpty {
                return String(captured)
            }
        }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return name
    }
}
