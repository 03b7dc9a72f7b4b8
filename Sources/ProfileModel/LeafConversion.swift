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
    /// are reported as `abundance.children-exceed-parent`. A leaf table is returned unchanged.
    public func toLeaves(tolerance: Double = ProfileTable.defaultResidualTolerance) -> ProfileTable {
        guard structure == .cladeCumulative else { return self }
        var residuals = CladeResiduals(self, tolerance: tolerance)
        var newTaxa: [Taxon] = []
        var leafRow = [Int](repeating: -1, count: taxa.count)
        var idsInUse = Set<String>()
        for (index, taxon) in taxa.enumerated() where !residuals.isInternal[index] {
            leafRow[index] = newTaxa.count
            newTaxa.append(taxon)
            idsInUse.insert(taxon.id)
        }
        // Residual rows are appended in order of first appearance; their count is not known
        // up front, so values are collected as triples and assembled at the end.
        var residualRow: [Int: Int] = [:]
        var contributions: [(sample: Int32, row: Int32, value: Double)] = []
        contributions.reserveCapacity(abundances.nonZeroCount)
        var findings = diagnostics
        for sample in samples.indices {
            for entry in abundances.range(ofSample: sample) {
                let row = leafRow[Int(abundances.taxonIndices[entry])]
                if row >= 0 { contributions.append((Int32(sample), Int32(row), abundances.values[entry])) }
            }
            residuals.forEachResidual(of: self, sample: sample, diagnostics: &findings) { taxon, residual in
                let row = residualRow[taxon] ?? {
                    let row = newTaxa.count
                    newTaxa.append(residualTaxon(for: taxon, avoiding: &idsInUse))
                    residualRow[taxon] = row
                    return row
                }()
                contributions.append((Int32(sample), Int32(row), residual))
            }
        }
        var assembler = SparseAssembler(taxonCount: newTaxa.count, expectedEntries: contributions.count)
        var cursor = 0
        for sample in samples.indices {
            while cursor < contributions.count && Int(contributions[cursor].sample) == sample {
                assembler.add(contributions[cursor].value, to: Int(contributions[cursor].row))
                cursor += 1
            }
            _ = assembler.endRow() // copies and differences of finite values stay finite
        }
        var table = self
        table.diagnostics = findings
        // Diagnostics about a clade now concern its residual row; those about a clade without
        // one keep naming the clade as the source wrote it.
        var renamed = Dictionary(taxa.map { ($0.id, $0.id) }) { first, _ in first }
        for (taxon, row) in residualRow { renamed[taxa[taxon].id] = newTaxa[row].id }
        return table.replacing(taxa: newTaxa, abundances: assembler.finish(), structure: .leaves,
                               references: DiagnosticReferences(taxa: renamed),
                               step: ProvenanceStep(action: .toLeaves, parameters: ["residual-rows": String(residualRow.count)]))
    }

    private func residualTaxon(for index: Int, avoiding idsInUse: inout Set<String>) -> Taxon {
        let clade = taxa[index]
        var metadata = clade.metadata
        metadata["residual-of"] = .string(clade.id)
        var id = "\(clade.id)|unclassified"
        while idsInUse.contains(id) { id += "_" }
        idsInUse.insert(id)
        return Taxon(id: id, label: clade.label, lineage: clade.lineage, taxonID: clade.taxonID, metadata: metadata,
                     origins: clade.origins)
    }
}
