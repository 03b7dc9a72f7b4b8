import FormatKit
import Foundation
import HDF5Kit
import ProfileModel

/// Writes a ``ProfileTable`` as a BIOM 2.1 HDF5 file: the root attributes, then for each axis
/// its ids, its compressed matrix (observation-oriented CSR, sample-oriented CSC), its
/// metadata datasets and its group metadata. Every dataset is chunked and deflated.
struct BIOMHDF5Writer {
    let plan: BIOMHDF5Plan
    private var table: ProfileTable { plan.biom.table }
    private var compression: HDF5Compression? { plan.compression }

    /// Root attribute names the format defines; source facts cannot take them.
    static let reservedNames = BIOMHDF5Reader.attributeNames

    func write(to path: String) throws(ExportError) {
        do {
            let file = try HDF5File.create(at: path)
            try writeAttributes(file.root)
            try writeAxis(file.root, name: "observation", ids: table.taxa.map(\.id), metadata: plan.observationMetadata,
                          columns: plan.observationColumns, matrix: observationMatrix())
            try writeAxis(file.root, name: "sample", ids: table.samples.map(\.id),
                          metadata: table.samples.map(\.metadata), columns: plan.sampleColumns, matrix: sampleMatrix())
            try file.close()
        } catch let error as HDF5Error {
            throw .io(path: path, reason: "\(error)")
        } catch let error as ExportError {
            throw error
        } catch {
            throw .io(path: path, reason: "\(error)")
        }
    }

    private func writeAttributes(_ root: HDF5Group) throws {
        let header = plan.biom.header
        try root.setAttribute("id", .scalar(header.tableID ?? "No Table ID"))
        try root.setAttribute("type", .scalar(header.type ?? ""))
        try root.setAttribute("format-url", .scalar(BIOMHeader.formatURLValue))
        try root.setAttribute("format-version", HDF5Array(.int64([2, 1])))
        try root.setAttribute("generated-by", .scalar(header.generatedBy ?? HubVersion.generator))
        try root.setAttribute("creation-date", .scalar(header.created ?? ""))
        try root.setAttribute("shape", HDF5Array(.int64([Int64(table.taxa.count), Int64(table.samples.count)])))
        try root.setAttribute("nnz", .scalar(Int64(table.abundances.nonZeroCount)))
        if let comment = header.comment { try root.setAttribute(BIOMHeader.Key.comment.rawValue, .scalar(comment)) }
        for (key, value) in plan.biom.extraEntries
        where !BIOMGroupMetadata.isGroupMetadataKey(key) {
            try root.setAttribute(key, .scalar(value))
        }
    }

    /// One axis: `ids`, `matrix/{data,indices,indptr}`, `metadata/*`, `group-metadata/*`.
    private func writeAxis(_ root: HDF5Group, name: String, ids: [String], metadata: [[String: MetadataValue]],
                           columns: [BIOMHDF5Plan.CategoryColumn],
                           matrix: (data: [Double], indices: [Int32], indptr: [Int32])) throws {
        let axis = try root.createGroup(name)
        try axis.createDataset("ids", HDF5Array(.strings(ids)), compression: compression)
        let matrixGroup = try axis.createGroup("matrix")
        try matrixGroup.createDataset("data", HDF5Array(.float64(matrix.data)), compression: compression)
        try matrixGroup.createDataset("indices", HDF5Array(.int32(matrix.indices)), compression: compression)
        try matrixGroup.createDataset("indptr", HDF5Array(.int32(matrix.indptr)), compression: compression)

        let metadataGroup = try axis.createGroup("metadata")
        for (category, column) in columns {
            try metadataGroup.createDataset(BIOMHDF5Metadata.datasetName(for: category),
                                            column.array(metadata.map { $0[category] }), compression: compression)
        }
        let groupMetadata = try axis.createGroup("group-metadata")
        for entry in BIOMGroupMetadata.entries(in: table.provenance.source, axis: name) {
            let dataset = try groupMetadata.createDataset(BIOMHDF5Metadata.datasetName(for: entry.name),
                                                          HDF5Array(.strings([entry.value])), compression: compression)
            if let dataType = entry.dataType { try dataset.setAttribute("data_type", HDF5Array.scalar(dataType)) }
        }
    }

    /// The sample-oriented matrix is the model's own compression.
    private func sampleMatrix() -> (data: [Double], indices: [Int32], indptr: [Int32]) {
        let abundances = table.abundances
        return (abundances.values, abundances.taxonIndices, abundances.rowStarts.map { Int32($0) })
    }

    /// The observation-oriented matrix: the model's transpose.
    private func observationMatrix() -> (data: [Double], indices: [Int32], indptr: [Int32]) {
        let byTaxon = TaxonMajorEntries(table)
        return (byTaxon.values, byTaxon.samples, byTaxon.starts.map { Int32($0) })
    }
}
