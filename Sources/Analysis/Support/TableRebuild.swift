import ProfileModel

/// Builds a derived table through ``ProfileTableBuilder`` (the only way to make one outside the
/// model). Used by the analysis transforms that the model does not offer: closing to
/// proportions and rarefaction.
enum TableRebuild {
    /// A table with `samples` and `taxa`, row `r` holding the (taxon index, value) entries of
    /// `rows[r]` (zeros skipped), the source's provenance plus `step`, and its diagnostics.
    static func build(from source: ProfileTable, unit: AbundanceUnit, structure: ProfileStructure,
                      samples: [Sample], taxa: [Taxon], rows: [[(taxon: Int, value: Double)]],
                      step: ProvenanceStep) throws(AnalysisError) -> ProfileTable {
        var builder = ProfileTableBuilder(unit: unit, structure: structure, provenance: source.provenance)
        do {
            for taxon in taxa { _ = try builder.addTaxon(taxon) }
            builder.reserveCapacity(entries: rows.reduce(0) { $0 + $1.count })
            for (row, sample) in samples.enumerated() {
                let index = try builder.addSample(sample)
                for entry in rows[row] where entry.value != 0 {
                    try builder.setValue(entry.value, sample: index, taxon: entry.taxon)
                }
            }
            for diagnostic in source.diagnostics { builder.addDiagnostic(diagnostic) }
            builder.provenance.steps.append(step)
            return try builder.build()
        } catch {
            throw .invalidParameter(name: step.action.rawValue, reason: "the derived table is invalid: \(error)")
        }
    }

    /// Each sample's entries as (taxon, value) pairs.
    static func rows(of table: ProfileTable) -> [[(taxon: Int, value: Double)]] {
        (0..<table.samples.count).map { Array(table.abundances.entries(ofSample: $0)) }
    }
}
