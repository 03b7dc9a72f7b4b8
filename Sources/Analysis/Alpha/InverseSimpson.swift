/// Inverse Simpson index: the effective number of equally common taxa (Hill number q = 2).
///
/// 1 / D with D = Σ pᵢ² (scikit-bio `inv_simpson`, vegan `"invsimpson"`). Empty sample: NaN.
public struct InverseSimpson: AlphaMetric {
    public init() {}
    public var id: String { "inv_simpson" }
    public var name: String { "Inverse Simpson index (1/D)" }
    public var formula: String { "1 / Σ pᵢ²" }
    public var citation: String { "Simpson 1949, Nature 163:688; Hill 1973, Ecology 54:427–432" }
    public var needsCounts: Bool { false }
    public func value(of abundances: ArraySlice<Double>) -> Double {
        guard !abundances.isEmpty else { return .nan }
        return 1 / Simpson.dominance(abundances)
    }
}
