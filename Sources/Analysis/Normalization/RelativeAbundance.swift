import ProfileModel

/// Relative abundance: each value divided by its sample's total, so every sample sums to 1.
///
/// Unlike ``ProfileTable/converted(to:)``, which keeps a compositional profile that sums to 97 %
/// as it is, this closes every sample (renormalises), which is what proportion-based analyses
/// assume. The table must be leaves (see ``AnalysisTable``); empty samples stay empty.
public enum RelativeAbundance {
    public static func closed(_ table: ProfileTable) throws(AnalysisError) -> ProfileTable {
        let totals = table.sampleTotals()
        let rows = TableRebuild.rows(of: table).enumerated().map { sample, entries in
            entries.map { (taxon: $0.taxon, value: $0.value / totals[sample]) }
        }
        return try TableRebuild.build(from: table, unit: .relative, structure: table.structure,
                                      samples: table.samples, taxa: table.taxa, rows: rows,
                                      step: ProvenanceStep(action: .custom("close-to-relative")))
    }
}
