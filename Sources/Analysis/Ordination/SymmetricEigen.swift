import Foundation

/// Eigenvalues and selected eigenvectors of a real symmetric matrix.
///
/// Method (Golub & Van Loan, Matrix Computations, 4th ed., §8.3 and §8.2.2; Wilkinson & Reinsch,
/// Handbook for Automatic Computation II, 1971):
/// 1. Householder reduction to tridiagonal form T = Qᵀ A Q, the O(n³) step, with the symmetric
///    product and the rank-2 update of each step spread over every core;
/// 2. every eigenvalue of T by the implicit QL method with Wilkinson's shift, O(n²);
/// 3. an eigenvector of T for each eigenvalue asked for, by inverse iteration with a pivoted
///    tridiagonal solve, orthogonalised within clusters of close eigenvalues (as LAPACK's
///    `dstein` does), then mapped back through the stored reflectors, O(n²) per vector.
///
/// Computing only the leading vectors keeps a 2,000-sample ordination to one reduction; a
/// hand-written solver keeps the package free of a Fortran dependency. The vectors' signs are
/// arbitrary, as for any eigensolver.
struct SymmetricEigen {
    /// Every eigenvalue, in descending order.
    let eigenvalues: [Double]
    /// The unit eigenvectors for the first `vectors.count` eigenvalues, in the same order.
    let vectors: [[Double]]

    /// Decomposes the row-major symmetric `matrix` of order `n`, keeping `vectorCount` leading vectors.
    init(symmetric matrix: [Double], order n: Int, vectorCount: Int) throws(AnalysisError) {
        var work = matrix
        let reduction = Tridiagonal(reducing: &work, order: n)
        var values = reduction.diagonal
        try Self.implicitQL(&values, offDiagonal: reduction.offDiagonal)
        values.sort(by: >)
        let scale = values.map(abs).max() ?? 0
        var vectors: [[Double]] = []
        for index in 0..<min(vectorCount, n) {
            var vector = reduction.inverseIteration(eigenvalue: values[index], scale: scale)
            for previous in vectors.indices.reversed() where abs(values[previous] - values[index]) <= 1e-3 * scale {
                Self.removeComponent(of: vectors[previous], from: &vector)
            }
            Self.normalize(&vector)
            vectors.append(vector)
        }
        eigenvalues = values
        self.vectors = vectors.map { reduction.backTransform($0) }
    }

    /// Eigenvalues of the symmetric tridiagonal matrix (diagonal `d`, off-diagonal `e`), in place.
    private static func implicitQL(_ d: inout [Double], offDiagonal: [Double]) throws(AnalysisError) {
        let n = d.count
        guard n > 1 else { return }
        var e = offDiagonal + [0]
        for l in 0..<n {
            var iterations = 0
            while true {
                var m = l
                while m < n - 1 {
                    let size = abs(d[m]) + abs(d[m + 1])
                    if abs(e[m]) <= Double.ulpOfOne * size { break }
                    m += 1
                }
                if m == l { break }
                iterations += 1
                if iterations > 60 {
                    throw .invalidParameter(name: "eigendecomposition", reason: "the QL iteration did not converge")
                }
                // Wilkinson's shift from the leading 2 × 2 block, then a chase from m up to l.
                var g = (d[l + 1] - d[l]) / (2 * e[l])
                var r = hypot(g, 1)
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r))
                var s = 1.0, c = 1.0, p = 0.0
                var i = m - 1
                var deflated = false
                while i >= l {
                    let f = s * e[i], b = c * e[i]
                    r = hypot(f, g)
                    e[i + 1] = r
                    if r == 0 {
                        d[i + 1] -= p
                        e[m] = 0
                        deflated = true
                        break
                    }
                    s = f / r
                    c = g / r
                    g = d[i + 1] - p
                    r = (d[i] - g) * s + 2 * c * b
                    p = s * r
                    d[i + 1] = g + p
                    g = c * r - b
                    i -= 1
                }
                if deflated { continue }
                d[l] -= p
                e[l] = g
                e[m] = 0
            }
        }
    }

    private static func removeComponent(of basis: [Double], from vector: inout [Double]) {
        var dot = 0.0
        for i in vector.indices { dot += basis[i] * vector[i] }
        for i in vector.indices { vector[i] -= dot * basis[i] }
    }

    static func normalize(_ vector: inout [Double]) {
        var norm = 0.0
        for value in vector { norm += value * value }
        norm = norm.squareRoot()
        guard norm > 0 else { return }
        for i in vector.indices { vector[i] /= norm }
    }
}
