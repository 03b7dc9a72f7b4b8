/// Keeping or dropping samples, as `biom subset-table` and `filter-table` do. Taxa are kept
/// even when they become empty (filter them explicitly with ``ProfileTable/filteringTaxa(_:)``).
extension ProfileTable {
    /// The table with only the samples whose ids are listed, in table order.
    /// Throws ``TransformError/unknownSamples(_:)`` when an id is not in the table.
    public func selectingSamples(ids: some Sequence<String>) throws(TransformError) -> ProfileTable {
        let wanted = try sampleIndices(ids)
        return keepingSamples(where: { wanted.contains($0) }, parameters: ["mode": "keep", "requested": String(wanted.count)])
    }

    /// The table without the samples whose ids are listed.
    /// Throws ``TransformError/unknownSamples(_:)`` when an id is not in the table.
    public func droppingSamples(ids: some Sequence<String>) throws(TransformError) -> ProfileTable {
        let unwanted = try sampleIndices(ids)
        return keepingSamples(where: { !unwanted.contains($0) }, parameters: ["mode": "drop", "requested": String(unwanted.count)])
    }

    /// The table with only the samples `isIncluded` accepts.
    public func selectingSamples(where isIncluded: (Sample) -> Bool) -> ProfileTable {
        keepingSamples(where: { isIncluded(samples[$0]) }, parameters: ["mode": "predicate"])
    }

    private func sampleIndices(_ ids: some Sequence<String>) throws(TransformError) -> Set<Int> {
        var indexByID: [String: Int] = [:]
        for (index, sample) in samples.enumerated() { indexByID[sample.id] = index }
        var found = Set<Int>()
        var unknown: [String] = []
        for id in ids {
            if let index = indexByID[id] { found.insert(index) } else { unknown.append(id) }
        }
        guard unknown.isEmpty else { throw .unknownSamples(unknown) }
        return found
    }

    private func keepingSamples(where keep: (Int) -> Bool, parameters: [String: String]) -> ProfileTable {
        let kept = samples.indices.filter(keep)
        var rowStarts = [0]
        rowStarts.reserveCapacity(kept.count + 1)
        var indices: [Int32] = []
        var values: [Double] = []
        let entries = kept.reduce(0) { $0 + abundances.range(ofSample: $1).count }
        indices.reserveCapacity(entries)
        values.reserveCapacity(entries)
        for sample in kept {
            let range = abundances.range(ofSample: sample)
            indices.append(contentsOf: abundances.taxonIndices[range])
            values.append(contentsOf: abundances.values[range])
            rowStarts.append(values.count)
        }
        let newSamples = kept.map { samples[$0] }
        let references = DiagnosticReferences(samples: Dictionary(uniqueKeysWithValues: newSamples.map { ($0.id, $0.id) }))
        var parameters = parameters
        parameters["samples-kept"] = String(kept.count)
        parameters["samples-removed"] = String(samples.count - kept.count)
        return replacing(samples: newSamples,
                         abundances: SparseAbundances(rowStarts: rowStarts, taxonIndices: indices, values: values),
                         references: references, step: ProvenanceStep(action: .selectSamples, parameters: parameters))
    }

    /// The table with samples renamed (old id → new id; ids not listed stay). Throws
    /// ``TransformError/unknownSamples(_:)`` for an old id the table lacks and
    /// ``TransformError/duplicateSample(id:inputs:)`` when two samples would share an id.
    public func renamingSamples(_ names: [String: String]) throws(TransformError) -> ProfileTable {
        let unknown = names.keys.filter { id in !samples.contains { $0.id == id } }.sorted()
        guard unknown.isEmpty else { throw .unknownSamples(unknown) }
        var copy = self
        var used = Set<String>()
        for index in copy.samples.indices {
            let id = names[copy.samples[index].id] ?? copy.samples[index].id
            guard used.insert(id).inserted else { throw .duplicateSample(id: id, inputs: [provenance.source[.sourceFile] ?? "the table"]) }
            copy.samples[index].id = id
        }
        let references = DiagnosticReferences(samples: Dictionary(uniqueKeysWithValues: samples.map { ($0.id, names[$0.id] ?? $0.id) }))
        return copy.replacing(abundances: abundances, references: references,
                              step: ProvenanceStep(action: .renameSamples, parameters: ["renamed": String(names.count)]))
    }
}
