import Foundation

/// Pielou's evenness: Shannon's index relative to its maximum for the observed richness.
///
/// J′ = H′ / ln S; S = 1 gives 1 and an empty sample NaN (scikit-bio 0.6.1 and later). The ratio
/// does not depend on the logarithm base.
public struct PielouEvenness: AlphaMetric {
    public init() {}
    public var id: String { "pielou_e" }
    public var name: String { "Pielou evenness" }
    public var formula: String { "J′ = H′ / ln S" }
    public var citation: String { "Pielou 1966, J Theor Biol 13:131–144" }
    public var needsCounts: Bool { false }
    public func value(of abundances: ArraySlice<Double>) -> Double {
        switch abundances.count {
        case 0: return .nan
        case 1: return 1
        default: return Shannon.entropy(abundances) / log(Double(abundances.count))
        }
    }
}
