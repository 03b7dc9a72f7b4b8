import FormatKit
import HDF5Kit
import ProfileModel

/// How a table is written as BIOM 2.1 (``BIOMHDF5Format``), worked out once: the shared BIOM plan, the deflate
/// level, every taxon's metadata object and how each metadata category is stored (with what
/// that storage loses).
public struct BIOMHDF5Plan: ExportPlan {
    /// A metadata category and its storage.
    typealias CategoryColumn = (category: String, column: BIOMHDF5Metadata.Column)

    let biom: BIOMExportPlan
    let compression: HDF5Compression?
    /// The metadata object of every taxon, with taxonomy rows on all of them when any has one.
    let observationMetadata: [[String: MetadataValue]]
    let observationColumns: [CategoryColumn]
    let sampleColumns: [CategoryColumn]
    public let losses: [DeclaredLoss]

    init(_ table: ProfileTable, compression: HDF5Compression?) throws(ExportError) {
        biom = BIOMExportPlan(table, reserved: BIOMHDF5Writer.reservedNames)
        let written = biom.table
        let nnz = written.abundances.nonZeroCount
        guard nnz <= Int(Int32.max) else { throw .cannotRepresent(reason: "\(nnz) entries exceed BIOM's 32-bit offsets") }
        self.compression = compression
        let observations = biom.observations
        observationMetadata = written.taxa.enumerated().map { index, taxon in
            observations.metadata(for: taxon, at: index, dropsEmptyTokens: true)
        }
        observationColumns = Self.columns(observationMetadata)
        sampleColumns = Self.columns(written.samples.map(\.metadata))
        var losses = biom.losses
        for (field, columns) in [(ProfileField.taxonMetadata, observationColumns), (ProfileField.sampleMetadata, sampleColumns)] {
            for (category, column) in columns
            where field == .sampleMetadata || !BIOMObservationMapping.keysWhereEmptyMeansAbsent.contains(category) {
                if let loss = column.loss { losses.append(DeclaredLoss(field: field, detail: "\(category): \(loss)")) }
            }
        }
        self.losses = losses
    }

    /// The storage of every category the objects use, in name order.
    private static func columns(_ objects: [[String: MetadataValue]]) -> [CategoryColumn] {
        Set(objects.flatMap(\.keys)).sorted().map { category in
            (category, BIOMHDF5Metadata.Column.plan(objects.map { $0[category] }))
        }
    }
}
