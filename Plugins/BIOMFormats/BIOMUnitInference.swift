import ProfileModel

/// Infers the unit of a BIOM table from its values, since BIOM has no unit field:
/// integral values are counts; otherwise samples that all sum to 1 are relative, to 100
/// percent (both within half a percent, the rounding profilers leave); anything else is
/// counts with fractional values.
struct BIOMUnitInference {
    private var allIntegral = true
    private var sums: [Double]

    init(sampleCount: Int) {
        sums = Array(repeating: 0, count: sampleCount)
    }

    /// Takes one stored value.
    mutating func add(_ value: Double, sample: Int) {
        if allIntegral, value != value.rounded() { allIntegral = false }
        sums[sample] += value
    }

    /// The unit every value seen so far points to, and whether that was a guess from sample sums.
    var unit: (unit: AbundanceUnit, fromSums: Bool) {
        if allIntegral { return (.counts, false) }
        let filled = sums.filter { $0 > 0 }
        if !filled.isEmpty, filled.allSatisfy({ abs($0 - 1) <= 0.005 }) { return (.relative, true) }
        if !filled.isEmpty, filled.allSatisfy({ abs($0 - 100) <= 0.5 }) { return (.percent, true) }
        return (.counts, false)
    }
}
