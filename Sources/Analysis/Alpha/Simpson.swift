/// Gini–Simpson index: the probability that two draws with replacement are different taxa.
///
/// 1 − D with D = Σ pᵢ² (scikit-bio `simpson`, vegan `diversity(x, "simpson")`). Empty sample: NaN.
public struct Simpson: AlphaMetric {
    public init() {}
    public var id: String { "simpson" }
    public var name: String { "Simpson index (1 − D)" }
    public var formula: String { "1 − Σ pᵢ²" }
    public var citation: String { "Simpson 1949, Nature 163:688" }
    public var needsCounts: Bool { false }
    public func value(of abundances: ArraySlice<Double>) -> Double {
        guard !abundances.isEmpty else { return .nan }
        return 1 - Self.dominance(abundances)
    }

    /// D = Σ pᵢ², with the proportions formed first as scikit-bio's `dominance` does.
    static func dominance(_ abundances: ArraySlice<Double>) -> Double {
        let total = abundances.total
        var sum = 0.0
        for value in abundances {
            let p = value / total
            sum += p * p
        }
        return sum
    }
}
