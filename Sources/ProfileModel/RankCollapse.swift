/// Collapsing a table to one rank (genus, family, …), as `biom collapse` does by taxonomy.
extension ProfileTable {
    /// The table with one row per taxon at `rank`, values summed per sample, as disjoint leaves.
    ///
    /// - A row named at `rank` goes to that taxon (its lineage cut after `rank`).
    /// - A row without a name at `rank` goes to an explicit placeholder beneath its deepest
    ///   named ancestor, `unclassified <ancestor>` (metadata `placeholder: true`), so mass is never
    ///   dropped and never pooled across parents. A row with no named level at all stays as it is.
    /// - A clade-cumulative table contributes its own row at `rank` (not the sum of its
    ///   descendants), and each clade above `rank` only the mass its children do not account
    ///   for (as ``toLeaves(tolerance:)`` computes it), to its placeholder.
    ///
    /// Rows that become the same taxon are merged by ``TaxonKey`` with their origins kept.
    /// Idempotent; sample totals are preserved. Costs O(non-zeros · log).
    public func collapsed(to rank: Rank, tolerance: Double = ProfileTable.defaultResidualTolerance) throws(TransformError) -> ProfileTable {
        guard let depth = rank.depth else { throw .unrankedTarget }
        let scope = provenance.source[.sourceFile] ?? ""
        let input = provenance.source[.sourceFile]
        var merger = TaxonMerger(recordsEveryOrigin: false)
        var unplaced = 0
        let target: [Int] = taxa.map { taxon in
            guard let collapsed = RankCollapse.collapsedTaxon(taxon, to: rank) else {
                unplaced += 1
                return merger.add(taxon, key: TaxonKey(taxon, scope: scope), input: input)
            }
            var keyed = collapsed
            keyed.taxonID = nil
            return merger.add(collapsed, key: TaxonKey(keyed, scope: scope), input: input)
        }
        var parameters = ["rank": rank.rawValue, "taxa-merged": String(merger.mergedAway)]
        if unplaced > 0 { parameters["without-lineage"] = String(unplaced) }
        if merger.renamedIDs > 0 { parameters["ids-renamed"] = String(merger.renamedIDs) }
        let step = ProvenanceStep(action: .collapse, parameters: parameters)
        switch structure {
        case .leaves:
            return try regrouped(into: merger.taxa, target: target, structure: .leaves, step: step)
        case .cladeCumulative:
            return try collapsingCumulative(into: merger.taxa, target: target, depth: depth, tolerance: tolerance, step: step)
        }
    }

    /// Clade-cumulative rows: each path's top-most row at or below the rank counts whole; rows
    /// above it count with what their children leave.
    private func collapsingCumulative(into newTaxa: [Taxon], target: [Int], depth: Int, tolerance: Double,
                                      step: ProvenanceStep) throws(TransformError) -> ProfileTable {
        var residuals = CladeResiduals(self, tolerance: tolerance)
        let rowDepth = taxa.map { $0.lineage.deepestRank?.depth ?? -1 }
        let isAbove = rowDepth.map { $0 < depth }
        // A frontier row is at or below the rank with no ancestor in the table that is.
        var isFrontier = [Bool](repeating: false, count: taxa.count)
        for index in taxa.indices where !isAbove[index] {
            var parent = residuals.tree.parents[index]
            var covered = false
            while let ancestor = parent, !covered {
                covered = !isAbove[ancestor]
                parent = residuals.tree.parents[ancestor]
            }
            isFrontier[index] = !covered
        }
        var findings = diagnostics
        var assembler = SparseAssembler(taxonCount: newTaxa.count, expectedEntries: abundances.nonZeroCount)
        for sample in samples.indices {
            for entry in abundances.range(ofSample: sample) {
                let taxon = Int(abundances.taxonIndices[entry])
                if isFrontier[taxon] || (isAbove[taxon] && !residuals.isInternal[taxon]) {
                    assembler.add(abundances.values[entry], to: target[taxon])
                }
            }
            residuals.forEachResidual(of: self, sample: sample, diagnostics: &findings) { taxon, residual in
                if isAbove[taxon] { assembler.add(residual, to: target[taxon]) }
            }
            if let bad = assembler.endRow() { throw .nonFiniteSum(sample: samples[sample].id, taxon: newTaxa[bad].id) }
        }
        // A placeholder that only clades' residuals could fill is a row only where they did.
        let collapsed = assembler.finish()
        var keep = [Bool](repeating: false, count: newTaxa.count)
        for taxon in taxa.indices where isFrontier[taxon] || (isAbove[taxon] && !residuals.isInternal[taxon]) {
            keep[target[taxon]] = true
        }
        for taxon in collapsed.taxonIndices { keep[Int(taxon)] = true }
        var renamed: [String: String] = [:]
        for (old, new) in target.enumerated() where keep[new] { renamed[taxa[old].id] = newTaxa[new].id }
        var table = self
        table.diagnostics = findings
        return table.replacing(taxa: newTaxa.indices.filter { keep[$0] }.map { newTaxa[$0] },
                               abundances: collapsed.keepingTaxa(keep), structure: .leaves,
                               references: DiagnosticReferences(taxa: renamed), step: step)
    }
}

/// How one taxon looks after collapsing to a rank.
enum RankCollapse {
    /// The metadata key that marks a placeholder row.
    static let placeholderKey = "placeholder"

    /// The taxon at `rank` that `taxon` belongs to, or its placeholder beneath the deepest named
    /// ancestor; `nil` when the lineage names nothing to place it under.
    static func collapsedTaxon(_ taxon: Taxon, to rank: Rank) -> Taxon? {
        let cut = taxon.lineage.truncated(after: rank)
        var entries = cut.entries
        var metadata: [String: MetadataValue] = [:]
        var taxonID: TaxonID?
        if let level = entries.last(where: { $0.rank == rank && !$0.name.isEmpty }) {
            if taxon.lineage.deepestRank == rank {
                taxonID = taxon.taxonID
            } else if let id = level.id, let system = taxon.taxonID?.system {
                taxonID = TaxonID(system: system, value: id, release: taxon.taxonID?.release)
            }
        } else {
            entries.removeAll { $0.rank == rank }
            guard let parent = entries.last(where: { !$0.name.isEmpty }) else { return nil }
            entries.append(LineageEntry(rank: rank, name: placeholderName(under: parent.name)))
            metadata[placeholderKey] = .bool(true)
        }
        guard let lineage = Lineage(entries) else { return nil }
        let name = render(lineage)
        return Taxon(id: name, label: name, lineage: lineage, taxonID: taxonID, metadata: metadata, origins: taxon.allOrigins)
    }

    /// `unclassified <parent>`, or the parent's own name when it already says unclassified.
    static func placeholderName(under parent: String) -> String {
        let lower = parent.lowercased()
        if lower.hasPrefix("unclassified") || lower.hasPrefix("unassigned") { return parent }
        return "unclassified \(parent)"
    }

    /// A lineage as `k__Bacteria;p__Bacillota;g__Blautia` (unranked levels bare), as QIIME 2's
    /// `taxa collapse` names its rows.
    static func render(_ lineage: Lineage) -> String {
        LineageFormatter.prefixed(lineage, separator: ";")
    }
}
