import Foundation

/// A symmetric matrix reduced to tridiagonal form by Householder reflections, T = Qᵀ A Q, with
/// the reflectors kept so that eigenvectors of T can be mapped back to eigenvectors of A.
struct Tridiagonal {
    /// T's diagonal.
    let diagonal: [Double]
    /// T's sub-diagonal (n − 1 values).
    let offDiagonal: [Double]
    /// Reflector k acts on rows k + 1 ..< n as I − βₖ vₖ vₖᵀ.
    private let reflectors: [(vector: [Double], beta: Double)]

    /// Reduces the row-major symmetric `a` of order `n` (overwritten).
    init(reducing a: inout [Double], order n: Int) {
        var reflectors: [(vector: [Double], beta: Double)] = []
        var off = [Double](repeating: 0, count: max(n - 1, 0))
        for k in 0..<max(n - 2, 0) {
            let size = n - k - 1
            var v = (0..<size).map { a[(k + 1 + $0) * n + k] }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else {
                reflectors.append(([Double](repeating: 0, count: size), 0))
                continue
            }
            let alpha = v[0] >= 0 ? -norm : norm
            v[0] -= alpha
            let beta = 2 / v.reduce(0) { $0 + $1 * $1 }
            off[k] = alpha
            Self.applyTwoSided(&a, order: n, from: k + 1, v: v, beta: beta)
            reflectors.append((v, beta))
        }
        if n >= 2 { off[n - 2] = a[(n - 1) * n + (n - 2)] }
        diagonal = (0..<n).map { a[$0 * n + $0] }
        offDiagonal = off
        self.reflectors = reflectors
    }

    /// A ← H A H on the trailing block from `start`, with H = I − β v vᵀ:
    /// p = β A v, w = p − (β/2)(pᵀv) v, A ← A − v wᵀ − w vᵀ.
    private static func applyTwoSided(_ a: inout [Double], order n: Int, from start: Int, v: [Double], beta: Double) {
        let size = n - start
        var p = [Double](repeating: 0, count: size)
        let pieces = size >= 256 ? ParallelRows.pieceCount(items: size, minimum: 32) : 1
        a.withUnsafeMutableBufferPointer { matrix in
            let shared = DisjointWrites(matrix)
            p.withUnsafeMutableBufferPointer { product in
                let output = DisjointWrites(product)
                ParallelRows.run(pieces) { piece in
                    for row in stride(from: piece, to: size, by: pieces) {
                        let base = (start + row) * n + start
                        var sum = 0.0
                        for column in 0..<size { sum += shared[base + column] * v[column] }
                        output[row] = beta * sum
                    }
                }
            }
            var pv = 0.0
            for i in 0..<size { pv += p[i] * v[i] }
            let half = beta * pv / 2
            let w = (0..<size).map { p[$0] - half * v[$0] }
            ParallelRows.run(pieces) { piece in
                for row in stride(from: piece, to: size, by: pieces) {
                    let base = (start + row) * n + start
                    let vr = v[row], wr = w[row]
                    for column in 0..<size { shared[base + column] -= vr * w[column] + wr * v[column] }
                }
            }
        }
    }

    /// An eigenvector of T for `eigenvalue` (unit length), by inverse iteration.
    /// `scale` is the largest eigenvalue magnitude, used to keep the shifted matrix non-singular.
    func inverseIteration(eigenvalue: Double, scale: Double) -> [Double] {
        let n = diagonal.count
        guard n > 1 else { return [Double](repeating: 1, count: n) }
        let tiny = max(scale, Double.leastNormalMagnitude) * Double.ulpOfOne * 10
        var generator = SeededGenerator(seed: 0x5EED)
        var x = (0..<n).map { _ in Double.random(in: -1...1, using: &generator) }
        for _ in 0..<4 {
            x = solveShifted(by: eigenvalue, x, tiny: tiny)
            SymmetricEigen.normalize(&x)
        }
        return x
    }

    /// Solves (T − λI) y = b by Gaussian elimination with partial pivoting on the tridiagonal
    /// matrix; a zero pivot is replaced by `tiny`, which is what inverse iteration needs.
    private func solveShifted(by lambda: Double, _ b: [Double], tiny: Double) -> [Double] {
        let n = diagonal.count
        // Row i of U holds up to three entries: u0 on the diagonal, u1 and u2 to its right.
        var u0 = diagonal.map { $0 - lambda }
        var u1 = offDiagonal + [0]
        var u2 = [Double](repeating: 0, count: n)
        let lower = offDiagonal
        var rhs = b
        for i in 0..<(n - 1) {
            if abs(lower[i]) > abs(u0[i]) {
                // Swap rows i and i + 1.
                let (d0, d1, d2) = (lower[i], u0[i + 1], i + 1 < n - 1 ? u1[i + 1] : 0)
                let factor = u0[i] / d0
                let previousNext = u1[i]
                u0[i] = d0
                u1[i] = d1
                u2[i] = d2
                u0[i + 1] = previousNext - factor * d1
                if i + 1 < n - 1 { u1[i + 1] = -factor * d2 }
                rhs.swapAt(i, i + 1)
                rhs[i + 1] -= factor * rhs[i]
            } else {
                if u0[i] == 0 { u0[i] = tiny }
                let factor = lower[i] / u0[i]
                u0[i + 1] -= factor * u1[i]
                rhs[i + 1] -= factor * rhs[i]
            }
        }
        if u0[n - 1] == 0 { u0[n - 1] = tiny }
        var y = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var value = rhs[i]
            if i + 1 < n { value -= u1[i] * y[i + 1] }
            if i + 2 < n { value -= u2[i] * y[i + 2] }
            y[i] = value / (u0[i] == 0 ? tiny : u0[i])
        }
        return y
    }

    /// Maps an eigenvector of T to one of A: x = H₀ H₁ … y.
    func backTransform(_ y: [Double]) -> [Double] {
        var x = y
        for k in stride(from: reflectors.count - 1, through: 0, by: -1) {
            let (v, beta) = reflectors[k]
            guard beta != 0 else { continue }
            var dot = 0.0
            for i in v.indices { dot += v[i] * x[k + 1 + i] }
            let scaled = beta * dot
            for i in v.indices { x[k + 1 + i] -= scaled * v[i] }
        }
        return x
    }
}
