import FormatKit
import ProfileModel

/// Writes a profile as a long (tidy) table: one row per sample and taxon, with the taxon's
/// label, rank, lineage and taxon id, and the sample's metadata repeated on each of its rows.
///
/// Only non-zero values are written, plus the few zero rows needed to keep every sample and
/// taxon, in table order: a taxon is introduced (with a zero row) before a later taxon first
/// appears, and a sample with no values gets one zero row. Reading the file back therefore
/// gives the same samples and taxa in the same order.
public struct LongTableWriter: Sendable {
    public var delimiter: UInt8

    public init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// How one table is written in this layout, worked out once: the table as written
    /// (disjoint leaves) and what it loses.
    public struct Plan: ExportPlan {
        public let writer: LongTableWriter
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
        if table.samples.contains(where: { $0.metadata.values.contains { value in
            if case .list = value { return true }
            if case .object = value { return true }
            return false
        } }) {
            losses.append(DeclaredLoss(field: .sampleMetadata, detail: "list and object metadata are flattened to text"))
        }
        if table.samples.contains(where: { $0.metadata.values.contains(.null) }) {
            losses.append(DeclaredLoss(field: .sampleMetadata, detail: "null values are written as empty cells and read back as absent"))
        }
        return Plan(writer: self, table: table, losses: losses)
    }

    /// Writes a table that is already as written (disjoint leaves).
    private func write(planned table: ProfileTable, to sink: inout OutputSink) throws(ExportError) {
        let annotations = TaxonAnnotations(table)
        let metadataKeys = Set(table.samples.flatMap { $0.metadata.keys }).sorted()
        var row = DelimitedRowWriter(delimiter: delimiter)
        for cell in ["sample", "taxon", "value"] { row.text(cell) }
        if annotations.hasDistinctLabel { row.text("label") }
        if annotations.hasLineage { row.text("rank"); row.text("lineage") }
        if annotations.hasTaxonID { row.text("taxon_id") }
        for key in metadataKeys { row.text(key) }
        try row.endRow(to: &sink)

        var introduced = 0
        func emit(sample: Int, taxon: Int, value: Double, row: inout DelimitedRowWriter,
                  sink: inout OutputSink) throws(ExportError) {
            let taxonRecord = table.taxa[taxon]
            row.text(table.samples[sample].id)
            row.text(taxonRecord.id)
            row.number(value)
            if annotations.hasDistinctLabel { row.text(taxonRecord.label) }
            if annotations.hasLineage {
                row.text(taxonRecord.lineage.deepestRank?.rawValue ?? "")
                row.text(TaxonAnnotations.lineageText(taxonRecord.lineage))
            }
            if annotations.hasTaxonID { row.text(taxonRecord.taxonID?.description ?? "") }
            for key in metadataKeys { row.text(table.samples[sample].metadata[key]?.text ?? "") }
            try row.endRow(to: &sink)
        }
        for sample in table.samples.indices {
            var wroteRow = false
            for (taxon, value) in table.abundances.entries(ofSample: sample) {
                while introduced < taxon {
                    try emit(sample: sample, taxon: introduced, value: 0, row: &row, sink: &sink)
                    introduced += 1
                }
                introduced = max(introduced, taxon + 1)
                try emit(sample: sample, taxon: taxon, value: value, row: &row, sink: &sink)
                wroteRow = true
            }
            if !wroteRow, !table.taxa.isEmpty {
                try emit(sample: sample, taxon: 0, value: 0, row: &row, sink: &sink)
                introduced = max(introduced, 1)
            }
        }
        if let last = table.samples.indices.last {
            while introduced < table.taxa.count {
                try emit(sample: last, taxon: introduced, value: 0, row: &row, sink: &sink)
                introduced += 1
            }
        }
        try sink.flush()
    }
}
