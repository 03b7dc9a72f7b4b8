import ProfileModel

/// Collects what the values of a table say about their unit while they stream past, and
/// decides the unit at the end: `%` signs mean percent; whole numbers mean counts; otherwise
/// samples summing to at most 1 are fractions, to at most 100 percent, and anything larger counts.
public struct UnitEvidence: Sendable {
    private var percentSigns = 0
    private var fractionalValues = 0
    private var valueCount = 0
    private var largestValue = 0.0
    private var sampleSums: [Double] = []

    public init() {}

    /// Records one non-zero value of sample `sample`.
    public mutating func observe(_ value: Double, percentSign: Bool, sample: Int) {
        valueCount += 1
        if percentSign { percentSigns += 1 }
        if value != value.rounded() { fractionalValues += 1 }
        if value > largestValue { largestValue = value }
        if sample >= sampleSums.count { sampleSums += Array(repeating: 0, count: sample + 1 - sampleSums.count) }
        sampleSums[sample] += value
    }

    /// The inferred unit and a sentence saying why. `structure` matters because the rows of a
    /// clade-cumulative table overlap, so their sums say nothing; the largest value is used instead.
    public func inferredUnit(structure: ProfileStructure) -> (unit: AbundanceUnit, reason: String) {
        if percentSigns > 0 { return (.percent, "\(percentSigns) value(s) carry a % sign") }
        if valueCount == 0 { return (.counts, "the table holds no non-zero value") }
        if fractionalValues == 0 { return (.counts, "every value is a whole number") }
        let largestSum = sampleSums.max() ?? 0
        let measure = structure == .leaves ? largestSum : largestValue
        let what = structure == .leaves ? "the largest sample total" : "the largest value"
        let shown = NumberFormatting.shortest((measure * 1e6).rounded() / 1e6)
        if measure <= 1 + 1e-6 { return (.relative, "values are fractional and \(what) is \(shown) (at most 1)") }
        if measure <= 100.1 { return (.percent, "values are fractional and \(what) is \(shown) (at most 100)") }
        return (.counts, "values are fractional but \(what) is \(shown), more than 100")
    }
}
