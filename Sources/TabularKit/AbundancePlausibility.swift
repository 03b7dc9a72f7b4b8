import ProfileModel

/// Checks that an imported table's values can be what its unit and structure say, and warns
/// (so that `--strict` fails) when they cannot: a compositional sample whose total, counted
/// once per the structure (``wholeMeasure(of:)``), is well over the whole (percentages summing to 195 are cumulative
/// rows read as leaves, or not percentages at all), or fractional "counts" that all look like
/// percentages yet sum far past 100.
public enum AbundancePlausibility {
    /// How far over the whole a total may go before it is reported: reports round each row
    /// (MetaPhlAn's totals are often 100.00001), and 1 % covers that with room.
    static let tolerance = 0.01

    /// The warnings for `table`, at most one per rule.
    public static func diagnostics(for table: ProfileTable) -> [Diagnostic] {
        let totals = wholeMeasure(of: table)
        if let whole = table.unit.wholeSampleTotal {
            return overWhole(totals, whole: whole, table: table).map { [$0] } ?? []
        }
        if case .counts = table.unit { return percentLikeCounts(totals, table: table).map { [$0] } ?? [] }
        return []
    }

    /// What each sample's values add up to, counted once: the sum of all rows for leaves, and
    /// for clade-cumulative tables the largest sum of the rows of one rank (each rank of a
    /// cumulative profile sums to at most the whole, even when rows carry no lineage to link
    /// them, as reports that name only a taxon and its rank do).
    static func wholeMeasure(of table: ProfileTable) -> [Double] {
        guard table.structure == .cladeCumulative else { return table.sampleTotals() }
        let rankOfTaxon = table.taxa.map { $0.lineage.deepestRank }
        return (0..<table.samples.count).map { sample in
            var byRank: [Rank?: Double] = [:]
            for (taxon, value) in table.abundances.entries(ofSample: sample) { byRank[rankOfTaxon[taxon], default: 0] += value }
            return byRank.values.max() ?? 0
        }
    }

    /// Samples whose total exceeds the unit's whole (100 %, 1, 10⁶ cpm) by more than the tolerance.
    static func overWhole(_ totals: [Double], whole: Double, table: ProfileTable) -> Diagnostic? {
        let over = totals.indices.filter { totals[$0] > whole * (1 + tolerance) }
        guard let worst = over.max(by: { totals[$0] < totals[$1] }) else { return nil }
        return Diagnostic(
            .sumOverWhole,
            message: "\(over.count) of \(totals.count) sample(s) sum to more than \(shown(whole)) \(table.unit)\(table.structure == .cladeCumulative ? " at one rank" : "") (largest \(shown(totals[worst]))): the values cannot all be \(table.unit)\(table.structure == .leaves ? ", or the rows overlap (clade-cumulative rows read as leaves)" : "")",
            sample: table.samples[worst].id)
    }

    /// Fractional values of at most 100 in a table read as counts, with a sample summing past 100:
    /// percentages of overlapping rows, most likely.
    static func percentLikeCounts(_ totals: [Double], table: ProfileTable) -> Diagnostic? {
        let values = table.abundances.values
        guard values.contains(where: { $0 != $0.rounded() }), let largest = values.max(), largest <= 100,
              let worst = totals.indices.max(by: { totals[$0] < totals[$1] }), totals[worst] > 100 * (1 + tolerance)
        else { return nil }
        return Diagnostic(
            .percentLikeCounts,
            message: "the values were read as counts, but they are fractional and at most 100 while sample '\(table.samples[worst].id)' sums to \(shown(totals[worst])): if they are percentages of nested rows, pass --unit percent --option structure=clade-cumulative",
            sample: table.samples[worst].id)
    }

    private static func shown(_ value: Double) -> String {
        NumberFormatting.shortest((value * 1e4).rounded() / 1e4)
    }
}
