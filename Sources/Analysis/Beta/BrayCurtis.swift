import ProfileModel

/// Bray–Curtis dissimilarity from shared minima: d = 1 − 2 Σ min(xᵢ, yᵢ) / (Σx + Σy).
///
/// The values are used as given, with no normalisation, like `skbio.diversity.beta_diversity`
/// (which passes the raw table to SciPy) and `vegdist(method = "bray")`. Two empty samples have
/// an undefined distance (0/0), reported as NaN as SciPy does.
enum BrayCurtis {
    static func distances(_ table: ProfileTable) -> DistanceMatrix {
        let n = table.samples.count
        let abundances = table.abundances
        let totals = (0..<n).map { abundances.values[abundances.range(ofSample: $0)].total }
        var values = TaxonPairSums.upperTriangle(TaxonMajorEntries(table), sampleCount: n, SharedMinimum.self)
        PairwiseFill.symmetric(&values, count: n) { i, j, overlap in
            let sum = totals[i] + totals[j]
            return sum == 0 ? .nan : (sum - 2 * overlap) / sum
        }
        return DistanceMatrix(ids: table.samples.map(\.id), values: values)
    }
}
