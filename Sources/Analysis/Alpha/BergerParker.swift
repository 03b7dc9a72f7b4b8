/// Berger–Parker dominance: the share of the most abundant taxon.
///
/// d = n_max / N (scikit-bio `berger_parker_d`). Empty sample: NaN.
public struct BergerParker: AlphaMetric {
    public init() {}
    public var id: String { "berger_parker_d" }
    public var name: String { "Berger–Parker dominance" }
    public var formula: String { "d = n_max / N" }
    public var citation: String { "Berger & Parker 1970, Science 168:1345–1347" }
    public var needsCounts: Bool { false }
    public func value(of abundances: ArraySlice<Double>) -> Double {
        guard let largest = abundances.max() else { return .nan }
        return largest / abundances.total
    }
}
