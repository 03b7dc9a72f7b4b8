import ProfileModel

/// Jaccard distance on presence/absence: d = 1 − c / (a + b − c) for a and b present taxa and
/// c shared ones.
///
/// scikit-bio lists "jaccard" among its qualitative metrics and turns counts into presence
/// first; vegan's `vegdist(method = "jaccard")` is quantitative unless `binary = TRUE`, so the
/// same name gives other numbers there. Two empty samples have distance 0, as in SciPy.
enum Jaccard {
    static func distances(_ table: ProfileTable) -> DistanceMatrix {
        let n = table.samples.count
        let abundances = table.abundances
        let richness = (0..<n).map { Double(abundances.range(ofSample: $0).count) }
        var values = TaxonPairSums.upperTriangle(TaxonMajorEntries(table), sampleCount: n, SharedPresence.self)
        PairwiseFill.symmetric(&values, count: n) { i, j, shared in
            let union = richness[i] + richness[j] - shared
            return union == 0 ? 0 : (union - shared) / union
        }
        return DistanceMatrix(ids: table.samples.map(\.id), values: values)
    }
}
