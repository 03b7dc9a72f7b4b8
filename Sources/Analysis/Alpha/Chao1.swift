/// Chao1 richness estimate, bias-corrected form; integer counts only.
///
/// S_chao1 = S_obs + F₁(F₁ − 1) / (2(F₂ + 1)), with F₁ singletons and F₂ doubletons. This is
/// scikit-bio's default (`bias_corrected=True`); an empty sample gives 0 as there.
/// On relative data F₁ would be 0 and the estimate meaningless, so the engine refuses it.
public struct Chao1: AlphaMetric {
    public init() {}
    public var id: String { "chao1" }
    public var name: String { "Chao1 richness (bias-corrected)" }
    public var formula: String { "S_obs + F₁(F₁ − 1) / (2(F₂ + 1))" }
    public var citation: String { "Chao 1984, Scand J Stat 11:265–270; bias-corrected form Chao 1987, Biometrics 43:783–791" }
    public var needsCounts: Bool { true }
    public func value(of abundances: ArraySlice<Double>) -> Double {
        let singletons = Double(abundances.occurrences(of: 1))
        let doubletons = Double(abundances.occurrences(of: 2))
        return Double(abundances.count) + singletons * (singletons - 1) / (2 * (doubletons + 1))
    }
}
