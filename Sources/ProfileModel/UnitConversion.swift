/// Why a unit conversion is impossible.
public enum UnitConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Relative data cannot become counts: the sequencing depth is gone.
    case cannotRecoverCounts(from: AbundanceUnit)
    /// The hub does not know how to convert this unit.
    case unsupported(from: AbundanceUnit, to: AbundanceUnit)

    public var description: String {
        switch self {
        case .cannotRecoverCounts(let unit): "cannot convert \(unit) to counts: the sequencing depth is not in the data"
        case .unsupported(let from, let to): "cannot convert \(from) to \(to)"
        }
    }
}

extension ProfileTable {
    /// The table in another unit. Each value is computed with a single rounding:
    /// counts become `count / total` (relative), `count × 100 / total` (percent) or
    /// `count × 10⁶ / total` (cpm), using the structure-aware ``sampleTotals()``;
    /// between compositional units values are rescaled by the exact factor (× or ÷ 100, 10⁴, 10⁶).
    /// Compositional values are not renormalised: a profile that sums to 97 % still does.
    public func converted(to target: AbundanceUnit) throws(UnitConversionError) -> ProfileTable {
        if target == unit { return self }
        let transform: (Int, Double) -> Double
        switch (unit, target) {
        case (.counts, _):
            guard let scale = target.wholeSampleTotal else { throw .unsupported(from: unit, to: target) }
            let totals = sampleTotals()
            transform = scale == 1 ? { s, v in v / totals[s] } : { s, v in (v * scale) / totals[s] }
        case (_, .counts):
            throw .cannotRecoverCounts(from: unit)
        default:
            guard let from = unit.wholeSampleTotal, let to = target.wholeSampleTotal else {
                throw .unsupported(from: unit, to: target)
            }
            transform = to > from ? { _, v in v * (to / from) } : { _, v in v / (from / to) }
        }
        var copy = self
        copy.abundances = abundances.mapValues(transform)
        copy.unit = target
        copy.provenance.steps.append(ProvenanceStep(action: .convertUnit,
                                                    parameters: ["from": unit.description, "to": target.description]))
        return copy
    }
}
