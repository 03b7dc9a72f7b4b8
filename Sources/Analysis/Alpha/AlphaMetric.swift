/// An alpha-diversity metric: one number per sample from that sample's abundances.
///
/// Every metric sees only the sample's non-zero values (the table stores no zeros), which is
/// also what scikit-bio does before computing: zero entries are dropped first
/// (`skbio/diversity/_util.py`). Metrics are named by scikit-bio's ids so that output columns
/// line up with `skbio.diversity.alpha_diversity`.
public protocol AlphaMetric: Sendable {
    /// scikit-bio's metric id, used as the output column name.
    var id: String { get }
    /// A readable name.
    var name: String { get }
    /// The formula in plain text, with symbols: pᵢ = nᵢ/N, S the number of non-zero taxa.
    var formula: String { get }
    /// The publication that defined the metric.
    var citation: String { get }
    /// Whether the metric needs genuine integer counts (singletons and doubletons).
    var needsCounts: Bool { get }
    /// The value for one sample's non-zero abundances; NaN where scikit-bio returns NaN.
    func value(of abundances: ArraySlice<Double>) -> Double
}

extension ArraySlice<Double> {
    /// The sum of the values.
    var total: Double {
        var sum = 0.0
        for value in self { sum += value }
        return sum
    }

    /// The number of values equal to `count` (singletons for 1, doubletons for 2).
    func occurrences(of count: Double) -> Int {
        var found = 0
        for value in self where value == count { found += 1 }
        return found
    }
}
