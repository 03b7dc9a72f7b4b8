/// Converts a clade-cumulative table to disjoint leaves.
extension ProfileTable {
    /// The fraction of a sample's total below which a residual counts as rounding noise
    /// in non-count units (MetaPhlAn prints five decimals of a percent).
    public static let defaultResidualTolerance = 1e-5

    /// The same profile with disjoint rows: clades that have children in the table are
    /// replaced by their residual mass ("assigned to genus X but to no species of it"),
    /// kept as explicit rows with id `<clade id>|unclassified`, the clade's lineage and label,
    /// and metadata `residual-of`. Leaves keep their values, so every sample total is unchanged.
    ///
    /// Counts keep every positive residual; other units drop residuals smaller than
    /// `tolerance` × the sample total. Children that exceed their parent by more than that
    /// are reported as `abundance.children-exceed-parent`.
    public func toLeaves(tolerance: Double = ProfileTable.defaultResidualTolerance) -> ProfileTable {
        guard structure == .cladeCumulative else { return self }
        let tree = CladeTree(taxa: taxa)
        let isInternal = tree.hasChildren
        let totals = sampleTotals()
        let isCounts: Bool = if case .counts = unit { true } else { false }

        var builder = ProfileTableBuilder(unit: unit, structure: .leaves, provenance: provenance)
        for diagnostic in diagnostics { builder.addDiagnostic(diagnostic) }
        // Sample and taxon ids are already unique and values already valid, so the builder cannot fail.
        var residualRow: [Int: Int] = [:]
        var leafRow: [Int: Int] = [:]
        for sample in samples { _ = try? builder.addSample(sample) }
        for (index, taxon) in taxa.enumerated() where !isInternal[index] {
            leafRow[index] = try? builder.addTaxon(taxon)
        }
        for sample in 0..<samples.count {
            var childSum: [Int: Double] = [:]
            for (taxon, value) in abundances.entries(ofSample: sample) {
                if let parent = tree.parents[taxon] { childSum[parent, default: 0] += value }
                if let row = leafRow[taxon] { try? builder.setValue(value, sample: sample, taxon: row) }
            }
            let noise = isCounts ? 0 : tolerance * totals[sample]
            for (taxon, value) in abundances.entries(ofSample: sample) where isInternal[taxon] {
                let residual = value - childSum[taxon, default: 0]
                if residual > noise {
                    let row = residualRow[taxon] ?? addResidualTaxon(for: taxon, to: &builder)
                    residualRow[taxon] = row
                    try? builder.setValue(residual, sample: sample, taxon: row)
                } else if residual < -max(noise, 1e-9 * totals[sample]) {
                    builder.addDiagnostic(Diagnostic(
                        code: "abundance.children-exceed-parent",
                        message: "children sum to \(NumberFormatting.shortest(childSum[taxon, default: 0])), more than the clade's \(NumberFormatting.shortest(value))",
                        sample: samples[sample].id, taxon: taxa[taxon].id))
                }
            }
        }
        builder.provenance.steps.append(ProvenanceStep(action: "to-leaves",
                                                       parameters: ["residual-rows": String(residualRow.count)]))
        // The builder only receives valid, unique entries here.
        return (try? builder.build()) ?? self
    }

    private func addResidualTaxon(for index: Int, to builder: inout ProfileTableBuilder) -> Int {
        let clade = taxa[index]
        var metadata = clade.metadata
        metadata["residual-of"] = .string(clade.id)
        var id = "\(clade.id)|unclassified"
        while builder.taxonIndex(id: id) != nil { id += "_" }
        let residual = Taxon(id: id, label: clade.label, lineage: clade.lineage, taxonID: clade.taxonID,
                             metadata: metadata)
        return (try? builder.addTaxon(residual)) ?? 0
    }
}
