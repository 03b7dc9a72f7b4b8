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

    /// The distance matrix. Each distance above the diagonal is formatted once (on every core)
    /// and reused for its mirror below it; rows are then assembled in batches and emitted in order.
    public static func distanceMatrix<Failure: Error>(_ matrix: DistanceMatrix, _ emit: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        let n = matrix.count
        try emit(Array(("\t" + matrix.ids.map(cell).joined(separator: "\t") + "\n").utf8))
        let upper = FormattedUpperTriangle(matrix)
        let batch = 64
        for first in stride(from: 0, to: n, by: batch) {
            let rows = min(batch, n - first)
            var assembled = [[UInt8]](repeating: [], count: rows)
            assembled.withUnsafeMutableBufferPointer { buffer in
                let output = DisjointWrites(buffer)
                ParallelRows.run(rows) { offset in
                    let i = first + offset
                    var bytes = Array(cell(matrix.ids[i]).utf8)
                    bytes.reserveCapacity(n * 20)
                    for j in 0..<i { upper.append(row: j, column: i, to: &bytes) }
                    bytes.append(contentsOf: [0x09, 0x30])
                    for j in (i + 1)..<n { upper.append(row: i, column: j, to: &bytes) }
                    bytes.append(0x0A)
                    output[offset] = bytes
                }
            }
            for bytes in assembled { try emit(bytes) }
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

/// The distances above the diagonal, each formatted once as a tab and its digits.
private struct FormattedUpperTriangle: Sendable {
    /// Row i's cells (j > i), concatenated.
    let bytes: [[UInt8]]
    /// Where each cell of row i starts in `bytes[i]`, plus the end.
    let starts: [[Int32]]

    init(_ matrix: DistanceMatrix) {
        let n = matrix.count
        var bytes = [[UInt8]](repeating: [], count: n)
        var starts = [[Int32]](repeating: [], count: n)
        bytes.withUnsafeMutableBufferPointer { bytesBuffer in
            starts.withUnsafeMutableBufferPointer { startsBuffer in
                let rowBytes = DisjointWrites(bytesBuffer), rowStarts = DisjointWrites(startsBuffer)
                let pieces = ParallelRows.pieceCount(items: n, minimum: 8)
                ParallelRows.run(pieces) { piece in
                    for i in stride(from: piece, to: n, by: pieces) {
                        var row: [UInt8] = []
                        row.reserveCapacity((n - i) * 20)
                        var offsets: [Int32] = []
                        offsets.reserveCapacity(n - i)
                        for j in (i + 1)..<n {
                            offsets.append(Int32(row.count))
                            row.append(0x09)
                            row.append(contentsOf: TSVWriting.number(matrix[i, j]).utf8)
                        }
                        offsets.append(Int32(row.count))
                        rowBytes[i] = row
                        rowStarts[i] = offsets
                    }
                }
            }
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// Appends the cell (row, column), row < column, with its leading tab.
    func append(row: Int, column: Int, to output: inout [UInt8]) {
        let index = column - row - 1
        output.append(contentsOf: bytes[row][Int(starts[row][index])..<Int(starts[row][index + 1])])
    }
}
