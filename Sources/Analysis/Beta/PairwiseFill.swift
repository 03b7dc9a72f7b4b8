/// Turns a row-major n × n buffer whose upper triangle holds per-pair sums into a symmetric,
/// hollow distance matrix, on every core.
enum PairwiseFill {
    /// Replaces each upper entry (i < j) by `distance(i, j, sum)`, mirrors it below the diagonal
    /// and sets the diagonal to zero.
    static func symmetric(_ values: inout [Double], count n: Int,
                          _ distance: @Sendable (Int, Int, Double) -> Double) {
        values.withUnsafeMutableBufferPointer { buffer in
            let output = DisjointWrites(buffer)
            let pieces = ParallelRows.pieceCount(items: n, minimum: 16)
            // Row i writes its upper part and column i of the lower part: disjoint across rows.
            ParallelRows.run(pieces) { piece in
                for i in stride(from: piece, to: n, by: pieces) {
                    output[i * n + i] = 0
                    for j in (i + 1)..<n {
                        let value = distance(i, j, output[i * n + j])
                        output[i * n + j] = value
                        output[j * n + i] = value
                    }
                }
            }
        }
    }
}
