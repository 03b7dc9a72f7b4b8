/// How closely two tables must agree.
///
/// Abundances and numeric metadata are equal when they differ by at most
/// `max(absoluteTolerance, relativeTolerance × max(|a|, |b|))`: by default a relative
/// 1e-9 (far below any lab's reporting precision, far above binary rounding noise) and an
/// absolute 1e-12 for values near zero. Two NaNs agree (a metadata reading recorded as NaN
/// must survive a round trip as NaN), and an infinity agrees only with the same infinity.
/// Everything else (ids, labels, lineages, units, text metadata, provenance, diagnostics) must
/// be identical.
public struct ComparisonRules: Sendable, Hashable {
    public var relativeTolerance: Double
    public var absoluteTolerance: Double
    /// Match taxa by label instead of id (for a format that does not carry feature ids).
    public var matchTaxaByLabel: Bool
    /// Let a re-import add to what the original had: provenance source keys, provenance steps
    /// after the original ones, and diagnostics. `source-format` and `source-file`, which
    /// describe the file the table was read from, are not compared.
    public var allowImporterAdditions: Bool

    public init(relativeTolerance: Double = 1e-9, absoluteTolerance: Double = 1e-12,
                matchTaxaByLabel: Bool = false, allowImporterAdditions: Bool = false) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.matchTaxaByLabel = matchTaxaByLabel
        self.allowImporterAdditions = allowImporterAdditions
    }

    /// Golden comparison: everything must agree, numbers within the tolerance.
    public static let exact = ComparisonRules()

    /// Whether two numbers agree within the tolerance; NaN agrees with NaN and nothing else.
    public func agree(_ first: Double, _ second: Double) -> Bool {
        if first == second || (first.isNaN && second.isNaN) { return true }
        guard first.isFinite, second.isFinite else { return false }
        let scale = max(abs(first), abs(second))
        return abs(first - second) <= max(absoluteTolerance, relativeTolerance * scale)
    }
}
