/// What to do when two inputs of a concatenation have a sample of the same id.
public enum DuplicateSamplePolicy: Sendable, Hashable {
    /// Fail with ``TransformError/duplicateSample(id:inputs:)``.
    case fail
    /// Keep the first and rename later ones `<id>-2`, `<id>-3`, … (metadata `original-id`).
    case rename
}

extension ProfileTable {
    /// One table from several (an outer join, the core of a cohort merge): every sample of
    /// every table, and the union of their taxa joined by ``TaxonKey`` (bare names only within
    /// their own input). Each sample keeps its effective source (its table's facts and its own)
    /// as per-sample ``Sample/source``, over a table default of the facts all samples share;
    /// each taxon keeps every label it was read under with its input in ``Taxon/origins``.
    /// The inputs' steps are kept, each tagged with its input, followed by one `concatenate` step.
    ///
    /// All tables must share a unit and a structure. Table attributes that differ between
    /// inputs are not kept; the step lists them under `attributes-dropped`.
    public static func concatenating(_ tables: [ProfileTable],
                                     duplicateSamples: DuplicateSamplePolicy = .fail) throws(TransformError) -> ProfileTable {
        guard let first = tables.first else { throw .noTables }
        let units = tables.map(\.unit)
        guard units.allSatisfy({ $0 == first.unit }) else { throw .unitMismatch(Array(Set(units)).sorted { $0.description < $1.description }) }
        guard tables.allSatisfy({ $0.structure == first.structure }) else { throw .structureMismatch }

        let inputs = tables.enumerated().map { index, table in table.provenance.source[.sourceFile] ?? "input \(index + 1)" }
        var merger = TaxonMerger(recordsEveryOrigin: true)
        var samples: [Sample] = []
        var inputOfSample: [String: String] = [:]
        var renamedSamples = 0
        var steps: [ProvenanceStep] = []
        var diagnostics: [Diagnostic] = []
        var parts: [(table: ProfileTable, target: [Int])] = []

        for (position, table) in tables.enumerated() {
            let keys = table.taxonKeys(scope: "\(position):\(inputs[position])")
            let target = table.taxa.indices.map { merger.add(table.taxa[$0], key: keys[$0], input: inputs[position]) }
            var sampleNames: [String: String] = [:]
            for index in table.samples.indices {
                var sample = table.samples[index]
                sample.source = table.source(ofSample: index)
                if let earlier = inputOfSample[sample.id] {
                    guard duplicateSamples == .rename else {
                        throw .duplicateSample(id: sample.id, inputs: [earlier, inputs[position]])
                    }
                    var suffix = 2
                    while inputOfSample["\(sample.id)-\(suffix)"] != nil { suffix += 1 }
                    sample.metadata["original-id"] = .string(sample.id)
                    sample.id = "\(sample.id)-\(suffix)"
                    renamedSamples += 1
                }
                inputOfSample[sample.id] = inputs[position]
                sampleNames[table.samples[index].id] = sample.id
                samples.append(sample)
            }
            var taxonNames: [String: String] = [:]
            for (old, new) in target.enumerated() { taxonNames[table.taxa[old].id] = merger.taxa[new].id }
            diagnostics += DiagnosticReferences(taxa: taxonNames, samples: sampleNames).apply(to: table.diagnostics).kept
            steps += table.provenance.steps.map { step in
                var step = step
                step.parameters["input"] = inputs[position]
                return step
            }
            parts.append((table, target))
        }

        var assembler = SparseAssembler(taxonCount: merger.taxa.count,
                                    expectedEntries: tables.reduce(0) { $0 + $1.abundances.nonZeroCount })
        var sampleOffset = 0
        for (table, target) in parts {
            for sample in table.samples.indices {
                for entry in table.abundances.range(ofSample: sample) {
                    assembler.add(table.abundances.values[entry], to: target[Int(table.abundances.taxonIndices[entry])])
                }
                if let bad = assembler.endRow() {
                    throw .nonFiniteSum(sample: samples[sampleOffset + sample].id, taxon: merger.taxa[bad].id)
                }
            }
            sampleOffset += table.samples.count
        }

        let (source, dropped) = sharedSource(of: tables, samples: &samples)
        var parameters = ["inputs": String(tables.count), "samples": String(samples.count),
                          "taxa": String(merger.taxa.count), "taxa-joined": String(merger.mergedAway)]
        if renamedSamples > 0 { parameters["samples-renamed"] = String(renamedSamples) }
        if merger.renamedIDs > 0 { parameters["ids-renamed"] = String(merger.renamedIDs) }
        if !dropped.isEmpty { parameters["attributes-dropped"] = dropped.map(\.rawValue).joined(separator: ",") }
        steps.append(ProvenanceStep(action: .concatenate, parameters: parameters))
        return ProfileTable(samples: samples, taxa: merger.taxa, abundances: assembler.finish(), unit: first.unit,
                            structure: first.structure, provenance: Provenance(source: source, steps: steps),
                            diagnostics: diagnostics)
    }

    /// The table-level facts of a concatenation: sample facts every sample shares (removed from
    /// the samples' own), and attributes every input shares; plus the attributes that differed.
    private static func sharedSource(of tables: [ProfileTable], samples: inout [Sample]) -> (SourceFacts, [SourceKey]) {
        var shared = SourceFacts()
        for key in SourceKey.sampleFacts {
            guard let value = samples.first?.source[key], samples.allSatisfy({ $0.source[key] == value }) else { continue }
            shared[key] = value
        }
        for index in samples.indices {
            samples[index].source = samples[index].source.filter { shared[$0] == nil }
        }
        var dropped: [SourceKey] = []
        let attributeKeys = Set(tables.flatMap { $0.provenance.source.keys.filter { !$0.isSampleFact } })
        for key in attributeKeys.sorted() {
            let values = tables.map { $0.provenance.source[key] }
            if let value = values[0], values.allSatisfy({ $0 == value }) { shared[key] = value } else { dropped.append(key) }
        }
        return (shared, dropped)
    }
}
