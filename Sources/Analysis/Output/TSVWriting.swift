import ProfileModel

/// Tab-separated output in the layouts scikit-bio reads: alpha diversity as a table with a
/// `sample_id` column, and distance matrices in `skbio.DistanceMatrix` TSV layout (a header of
/// ids after an empty cell, then one row per sample led by its id).
///
/// Numbers are printed the shortest way that reads back to the same double; NaN as `nan`.
/// Output goes to `emit` in chunks, so a large matrix is never held as one string.
public enum TSVWriting {
    /// The alpha table: `sample_id`, then one column per metric id.
    public static func alpha<Failure: Error>(_ alpha: AlphaDiversity, _ emit: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        var bytes = Array((["sample_id"] + alpha.metricIDs).joined(separator: "\t").utf8)
        bytes.append(0x0A)
        for (sample, id) in alpha.sampleIDs.enumerated() {
            bytes.append(contentsOf: cell(id).utf8)
            for metric in alpha.metricIDs.indices {
                bytes.append(0x09)
                bytes.append(contentsOf: number(alpha.value(sample: sample, metric: metric)).utf8)
            }
            bytes.append(0x0A)
            if bytes.count >= 1 << 20 {
                try emit(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        try emit(bytes)
    }

    /// One column per named value list, such as GMHI: `sample_id`, then `name`.
    public static func column<Failure: Error>(named name: String, ids: [String], values: [Double],
                                              _ emit: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        var text = "sample_id\t\(cell(name))\n"
        for (id, value) in zip(ids, values) { text += "\(cell(id))\t\(number(value))\n" }
        try emit(Array(text.utf8))
    }

    /// The distance matrix; rows are formatted on every core in batches and emitted in order.
    public static func distanceMatrix<Failure: Error>(_ matrix: DistanceMatrix, _ emit: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        let n = matrix.count
        try emit(Array(("\t" + matrix.ids.map(cell).joined(separator: "\t") + "\n").utf8))
        let batch = 64
        for first in stride(from: 0, to: n, by: batch) {
            let rows = min(batch, n - first)
            var formatted = [[UInt8]](repeating: [], count: rows)
            formatted.withUnsafeMutableBufferPointer { buffer in
                let output = DisjointWrites(buffer)
                ParallelRows.run(rows) { offset in
                    let i = first + offset
                    var bytes = Array(cell(matrix.ids[i]).utf8)
                    bytes.reserveCapacity(n * 20)
                    for j in 0..<n {
                        bytes.append(0x09)
                        bytes.append(contentsOf: number(matrix[i, j]).utf8)
                    }
                    bytes.append(0x0A)
                    output[offset] = bytes
                }
            }
            for bytes in formatted { try emit(bytes) }
        }
    }

    /// A number as scikit-bio and pandas read it back exactly.
    static func number(_ value: Double) -> String {
        value.isNaN ? "nan" : NumberFormatting.shortest(value)
    }

    /// An id with tabs and line breaks (which would break the layout) replaced by spaces.
    static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
