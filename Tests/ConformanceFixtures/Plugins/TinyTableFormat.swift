import FormatKit
import ProfileModel

/// A small, correct tab-separated format that the kit's tests run the battery on:
///
/// ```
/// #tiny-table counts
/// taxon	S1	S2
/// Bacteroides	120	7
/// ```
///
/// Export keeps sample ids, taxon labels, the unit and the values (clade-cumulative tables
/// are written as leaves), and declares every other field lost. Other fixture plugins reuse its reader and writer and break one thing each.
public struct TinyTableFormat: ProfileImporter, ProfileExporter {
    /// The format id; fixture variants pass their own.
    let id: String

    public init(id: String = "tiny-table") {
        self.id = id
    }

    public var format: FormatDescription {
        FormatDescription(id: id, name: "Tiny table (\(id))", summary: "A test format of the conformance kit.",
                          extensions: ["tiny"], canImport: true, canExport: true,
                          exportLosses: Self.lostFields.map(\.description))
    }

    static let lostFields: [DeclaredLoss] = [
        DeclaredLoss(field: .structure, detail: "rows are always written as leaves"),
        DeclaredLoss(field: .sampleMetadata, detail: "no metadata"),
        DeclaredLoss(field: .taxonIDs, detail: "the label is the id"),
        DeclaredLoss(field: .taxonLineages, detail: "labels only"),
        DeclaredLoss(field: .taxonIdentifiers, detail: "labels only"),
        DeclaredLoss(field: .taxonMetadata, detail: "labels only"),
        DeclaredLoss(field: .provenance, detail: "not written"),
        DeclaredLoss(field: .diagnostics, detail: "not written"),
    ]

    public func detect(_ prefix: InputPrefix) -> Detection {
        guard let first = prefix.firstNonBlankLines(1).first, first.hasPrefix("#tiny-table") else { return .noMatch }
        return .match(confidence: 0.9, reason: "first line starts with #tiny-table")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var lines = try input.lines()
        guard let magic = try lines.nextString() else { throw .emptyInput(input.location()) }
        guard magic.hasPrefix("#tiny-table ") else {
            throw .syntax(input.location(line: 1), reason: "the first line must be '#tiny-table <unit>'")
        }
        let unit = AbundanceUnit(wireName: String(magic.dropFirst("#tiny-table ".count)))
        guard let header = try lines.nextString() else { throw .missingField(input.location(line: 2), field: "header") }
        let columns = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard columns.first == "taxon" else {
            throw .syntax(input.location(line: 2), reason: "the header must start with 'taxon'")
        }
        var builder = ProfileTableBuilder(unit: unit, structure: .leaves)
        do {
            for sample in columns.dropFirst() { try builder.addSample(Sample(id: sample)) }
        } catch {
            throw ImportError(error, at: input.location(line: 2))
        }
        while let line = try lines.nextString() {
            let number = lines.lineNumber
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == columns.count else {
                throw .shapeMismatch(input.location(line: number), reason: "\(cells.count) cells, the header has \(columns.count)")
            }
            do {
                let taxon = try builder.addTaxon(Taxon(id: cells[0], label: cells[0]))
                for (sample, cell) in cells.dropFirst().enumerated() {
                    guard let value = Double(cell) else {
                        throw ImportError.invalidValue(input.location(line: number), value: cell, reason: "is not a number")
                    }
                    try builder.setValue(value, sample: sample, taxon: taxon)
                }
            } catch let error as BuilderError {
                throw ImportError(error, at: input.location(line: number))
            } catch let error as ImportError {
                throw error
            } catch {
                throw .syntax(input.location(line: number), reason: "\(error)")
            }
        }
        do { return try builder.build() } catch { throw ImportError(error, at: input.location()) }
    }

    /// A planned export: the table as written (leaves) and the fixed losses.
    public struct Plan: ExportPlan {
        let table: ProfileTable
        public var losses: [DeclaredLoss] { TinyTableFormat.lostFields }
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> Plan {
        Plan(table: table.structure == .cladeCumulative ? table.toLeaves() : table)
    }

    public func write(_ plan: Plan, to output: inout OutputSink) throws(ExportError) {
        let table = plan.table
        try output.write("#tiny-table \(table.unit)\n")
        try output.write((["taxon"] + table.samples.map(\.id)).joined(separator: "\t") + "\n")
        for (index, taxon) in table.taxa.enumerated() {
            let values = table.samples.indices.map { NumberFormatting.shortest(table.value(sample: $0, taxon: index)) }
            try output.write(([taxon.label] + values).joined(separator: "\t") + "\n")
        }
    }
}
