/// Principal coordinate analysis (classical multidimensional scaling) of a distance matrix,
/// computed as `skbio.stats.ordination.pcoa(dm)` does with its default `eigh` method.
///
/// Gower's centring: B = −½ J D⁽²⁾ J with J = I − 11ᵀ/n, i.e. bᵢⱼ = eᵢⱼ − ēᵢ. − ē.ⱼ + ē.. with
/// eᵢⱼ = −½ dᵢⱼ² (Gower 1966, Biometrika 53:325–338; Legendre & Legendre, Numerical Ecology).
/// As in scikit-bio: eigenvalues with |λ| ≤ 1e-8 become 0; eigenvalues sort in descending order;
/// negative ones (non-Euclidean distances) are set to 0 with their axes; the proportion explained
/// is λₖ / Σ λ over the non-negative eigenvalues; coordinates are vₖ √λₖ. Axis signs are arbitrary.
public struct PrincipalCoordinates: Sendable {
    /// The sample ids.
    public let ids: [String]
    /// Every eigenvalue after scikit-bio's clean-up, descending.
    public let eigenvalues: [Double]
    /// Each eigenvalue's share of the total.
    public let proportionExplained: [Double]
    /// `coordinates[axis][sample]` for the leading axes computed.
    public let coordinates: [[Double]]

    /// The ordination of `distances`, with coordinates for the first `axes` axes.
    public init(_ distances: DistanceMatrix, axes: Int) throws(AnalysisError) {
        let n = distances.count
        var centred = distances.values.map { -0.5 * $0 * $0 }
        guard !centred.contains(where: \.isNaN) else {
            throw .invalidParameter(name: "pcoa", reason: "the distance matrix has undefined (NaN) distances, such as between two empty samples")
        }
        let rowMeans = (0..<n).map { i in centred[(i * n)..<((i + 1) * n)].reduce(0, +) / Double(n) }
        let grandMean = rowMeans.reduce(0, +) / Double(max(n, 1))
        for i in 0..<n { for j in 0..<n { centred[i * n + j] += grandMean - rowMeans[i] - rowMeans[j] } }
        let eigen = try SymmetricEigen(symmetric: centred, order: n, vectorCount: min(axes, n))
        let cleaned = eigen.eigenvalues.map { abs($0) <= 1e-8 ? 0 : $0 }.map { max($0, 0) }
        let total = cleaned.reduce(0, +)
        ids = distances.ids
        eigenvalues = cleaned
        proportionExplained = cleaned.map { total > 0 ? $0 / total : 0 }
        coordinates = eigen.vectors.enumerated().map { axis, vector in
            let length = cleaned[axis].squareRoot()
            return vector.map { $0 * length }
        }
    }
}
