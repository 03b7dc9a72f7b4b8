/// Giving taxa a new identity (a reconciled name, a fuller lineage, a current tax id).
extension ProfileTable {
    /// The table with every taxon replaced by `transform(taxon)`. Taxa that become the same
    /// taxon (equal ``TaxonKey``) are merged into one row: their values are summed per sample
    /// and all their source labels are kept in ``Taxon/origins``. Logs one step with `action`
    /// (``ProvenanceAction/mapTaxa`` by default) and `parameters`, plus the counts of merged
    /// and renamed rows. Costs O(non-zeros · log) and one transform call per taxon.
    public func mappingTaxa(action: ProvenanceAction = .mapTaxa, parameters: [String: String] = [:],
                            _ transform: (Taxon) throws(TransformError) -> Taxon) throws(TransformError) -> ProfileTable {
        var mapped: [Taxon] = []
        mapped.reserveCapacity(taxa.count)
        for taxon in taxa { mapped.append(try transform(taxon)) }
        // Sequence features (rows of this table that share a lineage) stay distinct features;
        // every other taxon is identified by what it maps to.
        let scope = provenance.source[.sourceFile] ?? ""
        let keys = zip(taxonKeys(scope: scope), mapped).map { original, taxon -> TaxonKey in
            if case .feature = original { return original }
            return TaxonKey(taxon, scope: scope)
        }
        let input = provenance.source[.sourceFile]
        var merger = TaxonMerger(recordsEveryOrigin: false)
        let target = mapped.indices.map { merger.add(mapped[$0], key: keys[$0], input: input) }
        var parameters = parameters
        parameters["taxa-merged"] = String(merger.mergedAway)
        if merger.renamedIDs > 0 { parameters["ids-renamed"] = String(merger.renamedIDs) }
        return try regrouped(into: merger.taxa, target: target, structure: structure,
                             step: ProvenanceStep(action: action, parameters: parameters))
    }

    /// The table with each old taxon's values added to row `target[old]` of `newTaxa`.
    func regrouped(into newTaxa: [Taxon], target: [Int], structure newStructure: ProfileStructure,
                   step: ProvenanceStep) throws(TransformError) -> ProfileTable {
        var assembler = SparseAssembler(taxonCount: newTaxa.count, expectedEntries: abundances.nonZeroCount)
        for sample in samples.indices {
            for entry in abundances.range(ofSample: sample) {
                assembler.add(abundances.values[entry], to: target[Int(abundances.taxonIndices[entry])])
            }
            if let bad = assembler.endRow() { throw .nonFiniteSum(sample: samples[sample].id, taxon: newTaxa[bad].id) }
        }
        var renamed: [String: String] = [:]
        for (old, new) in target.enumerated() { renamed[taxa[old].id] = newTaxa[new].id }
        return replacing(taxa: newTaxa, abundances: assembler.finish(), structure: newStructure,
                         references: DiagnosticReferences(taxa: renamed), step: step)
    }
}
