import FormatKit
import Foundation
import ProfileModel

/// Writes a profile as a wide table, in either orientation, streaming from the sparse matrix.
public struct WideTableWriter: Sendable {
    /// Which way the matrix is laid out.
    public enum Orientation: String, Sendable, CaseIterable {
        /// One row per taxon, one column per sample (BIOM TSV, OTU tables, merged profiles).
        case taxaAsRows = "taxa-as-rows"
        /// One row per sample, one column per taxon (scikit-learn, phyloseq with taxa_are_rows = FALSE).
        case samplesAsRows = "samples-as-rows"
    }

    public var delimiter: UInt8
    public var orientation: Orientation
    /// The first header cell (`taxon`, `#OTU ID`, `sample`).
    public var cornerCell: String
    /// Comment lines written before the header, without their newline (`# Constructed from biom file`).
    public var leadingLines: [String]
    /// Taxon annotation columns written after the samples (taxa as rows only).
    public var annotations: Set<TaxonAnnotations.Kind>

    public init(delimiter: UInt8, orientation: Orientation, cornerCell: String? = nil,
                leadingLines: [String] = [], annotations: Set<TaxonAnnotations.Kind> = Set(TaxonAnnotations.Kind.allCases)) {
        self.delimiter = delimiter
        self.orientation = orientation
        self.cornerCell = cornerCell ?? (orientation == .taxaAsRows ? "taxon" : "sample")
        self.leadingLines = leadingLines
        self.annotations = orientation == .taxaAsRows ? annotations : []
    }

    /// How one table is written in this layout, worked out once: the table as written
    /// (disjoint leaves) and what it loses.
    public struct Plan: ExportPlan {
        public let writer: WideTableWriter
        /// The table as written (a clade-cumulative one as its leaves).
        public let table: ProfileTable
        public let losses: [DeclaredLoss]

        /// Writes the planned table to `sink`.
        public func write(to sink: inout OutputSink) throws(ExportError) {
            try writer.write(planned: table, to: &sink)
        }
    }

    /// Plans writing `original`: the table as written and what it loses in this layout.
    public func plan(_ original: ProfileTable) -> Plan {
        let table = TableLosses.writable(original)
        var losses = TableLosses.common(original, written: table)
        let present = TaxonAnnotations(table)
        if table.samples.contains(where: { !$0.metadata.isEmpty }) {
            losses.append(DeclaredLoss(field: .sampleMetadata, detail: "a wide table has no place for sample metadata"))
        }
        if present.hasLineage, !annotations.contains(.lineage) {
            losses.append(DeclaredLoss(field: .taxonLineages, detail: "no taxonomy column is written"))
        }
        if present.hasTaxonID, !annotations.contains(.taxonID) {
            losses.append(DeclaredLoss(field: .taxonIdentifiers, detail: "no taxon id column is written"))
        }
        if present.hasDistinctLabel, !annotations.contains(.label) {
            losses.append(DeclaredLoss(field: .taxonLabels, detail: "labels that differ from ids are not written"))
        }
        return Plan(writer: self, table: table, losses: losses)
    }

    /// Writes a table that is already as written (disjoint leaves).
    private func write(planned table: ProfileTable, to sink: inout OutputSink) throws(ExportError) {
        for line in leadingLines { try sink.write(line + "\n") }
        var row = DelimitedRowWriter(delimiter: delimiter)
        switch orientation {
        case .taxaAsRows: try writeTaxaAsRows(table, row: &row, sink: &sink)
        case .samplesAsRows: try writeSamplesAsRows(table, row: &row, sink: &sink)
        }
        try sink.flush()
    }

    private func writeTaxaAsRows(_ table: ProfileTable, row: inout DelimitedRowWriter,
                                 sink: inout OutputSink) throws(ExportError) {
        let present = TaxonAnnotations(table)
        let withLineage = annotations.contains(.lineage) && present.hasLineage
        let withTaxonID = annotations.contains(.taxonID) && present.hasTaxonID
        let withLabel = annotations.contains(.label) && present.hasDistinctLabel
        row.text(cornerCell)
        for sample in table.samples { row.text(sample.id) }
        if withLabel { row.text("label") }
        if withTaxonID { row.text("taxon_id") }
        if withLineage { row.text("taxonomy") }
        try row.endRow(to: &sink)

        let entries = TaxonMajorEntries(table)
        let sampleCount = table.samples.count, taxa = table.taxa, delimiter = delimiter
        // Rows are formatted in runs of taxa on every core, a few runs at a time, and written in order.
        let runLength = 128
        let runCount = (taxa.count + runLength - 1) / runLength
        let runsPerRound = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        for round in stride(from: 0, to: runCount, by: runsPerRound) {
            let formatted = OrderedParallelMap.map(min(runsPerRound, runCount - round)) { offset in
                let first = (round + offset) * runLength
                var row = DelimitedRowWriter(delimiter: delimiter)
                var bytes: [UInt8] = []
                for index in first..<min(first + runLength, taxa.count) {
                    let taxon = taxa[index]
                    row.text(taxon.id)
                    // Most cells of a wide table are zeros: write the runs between entries in one piece.
                    var next = 0
                    for entry in entries.starts[index]..<entries.starts[index + 1] {
                        let sample = Int(entries.samples[entry])
                        row.zeros(sample - next)
                        row.number(entries.values[entry])
                        next = sample + 1
                    }
                    row.zeros(sampleCount - next)
                    if withLabel { row.text(taxon.label) }
                    if withTaxonID { row.text(taxon.taxonID?.description ?? "") }
                    if withLineage { row.text(TaxonAnnotations.lineageText(taxon.lineage)) }
                    row.endRow(appendingTo: &bytes)
                }
                return bytes
            }
            for bytes in formatted { try sink.write(bytes) }
        }
    }

    private func writeSamplesAsRows(_ table: ProfileTable, row: inout DelimitedRowWriter,
                                    sink: inout OutputSink) throws(ExportError) {
        row.text(cornerCell)
        for taxon in table.taxa { row.text(taxon.id) }
        try row.endRow(to: &sink)
        let taxonCount = table.taxa.count
        for (index, sample) in table.samples.enumerated() {
            row.text(sample.id)
            var next = 0
            for (taxon, value) in table.abundances.entries(ofSample: index) {
                row.zeros(taxon - next)
                row.number(value)
                next = taxon + 1
            }
            row.zeros(taxonCount - next)
            try row.endRow(to: &sink)
        }
    }
}

/// Losses every delimited layout shares.
enum TableLosses {
    /// Losses of `original` written as `table` (``writable(_:)``).
    static func common(_ original: ProfileTable, written table: ProfileTable) -> [DeclaredLoss] {
        var losses: [DeclaredLoss] = []
        if !table.provenance.steps.isEmpty || !table.provenance.source.isEmpty {
            losses.append(DeclaredLoss(field: .provenance, detail: "source facts and the step log are not written"))
        }
        if original.structure == .cladeCumulative {
            losses.append(DeclaredLoss(field: .structure,
                                       detail: "clade-cumulative rows are written as disjoint leaves (each clade keeps only its residual, as '<id>|unclassified')"))
        }
        if !table.diagnostics.isEmpty {
            losses.append(DeclaredLoss(field: .diagnostics, detail: "import findings are not written"))
        }
        switch table.unit {
        case .counts, .relative, .percent:
            losses.append(DeclaredLoss(field: .unit, detail: "the unit is not written; importing infers it from the values"))
        case .cpm, .other:
            losses.append(DeclaredLoss(field: .unit, detail: "the unit \(table.unit) is not written and cannot be inferred back"))
        }
        if table.taxa.contains(where: { !$0.metadata.isEmpty }) {
            losses.append(DeclaredLoss(field: .taxonMetadata, detail: "taxon metadata other than the lineage and taxon id is not written"))
        }
        if table.taxa.contains(where: { lineageIsAmbiguous($0.lineage) }) {
            losses.append(DeclaredLoss(field: .taxonLineages, detail: "lineages made only of unranked entries are read back by position"))
        }
        return losses
    }

    /// The table as delimited layouts write it: disjoint leaves, since no column marks rows as cumulative
    /// (summing such rows after re-import would count every read several times).
    static func writable(_ table: ProfileTable) -> ProfileTable {
        table.structure == .cladeCumulative ? table.toLeaves() : table
    }

    /// Whether a lineage's text form reads back differently: several entries and none ranked.
    private static func lineageIsAmbiguous(_ lineage: Lineage) -> Bool {
        lineage.entries.count > 1 && lineage.entries.allSatisfy { $0.rank == .unranked }
    }
}
