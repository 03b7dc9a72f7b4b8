/// Observed features: the number of taxa present.
///
/// S = #{i : nᵢ > 0}. An empty sample has 0 (scikit-bio 0.6.1 and later).
public struct ObservedFeatures: AlphaMetric {
    public init() {}
    public var id: String { "observed_features" }
    public var name: String { "Observed features" }
    public var formula: String { "S = number of taxa with nᵢ > 0" }
    public var citation: String { "Richness; scikit-bio sobs/observed_features" }
    public var needsCounts: Bool { false }
    public func value(of abundances: ArraySlice<Double>) -> Double { Double(abundances.count) }
}
