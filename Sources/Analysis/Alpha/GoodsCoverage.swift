/// Good's coverage: the estimated share of the community that the sample has seen; integer counts only.
///
/// C = 1 − F₁ / N, with F₁ the number of singleton taxa (scikit-bio `goods_coverage`). Empty sample: NaN.
public struct GoodsCoverage: AlphaMetric {
    public init() {}
    public var id: String { "goods_coverage" }
    public var name: String { "Good's coverage" }
    public var formula: String { "1 − F₁ / N" }
    public var citation: String { "Good 1953, Biometrika 40:237–264" }
    public var needsCounts: Bool { true }
    public func value(of abundances: ArraySlice<Double>) -> Double {
        guard !abundances.isEmpty else { return .nan }
        return 1 - Double(abundances.occurrences(of: 1)) / abundances.total
    }
}
