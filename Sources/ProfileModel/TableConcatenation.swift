/// What to do when two inputs of a concatenation have a sample of the same id.
public enum DuplicateSamplePolicy: Sendable, Hashable {
    /// Fail with ``TransformError/duplicateSample(id:inputs:)``.
    case fail
    /// Keep the first and rename later ones `<id>-2`, `<id>-3`, … (metadata `original-id`).
    case rename
}

/// How a concatenation treats inputs in different units.
public enum UnitHarmonisation: Sendable, Hashable {
    /// Every input must be in the same unit (``TransformError/unitMismatch(_:)`` otherwise).
    case requireSame
    /// Counts stay counts when every input is counts; otherwise every sample becomes relative
    /// (counts divided by the sample's total, percent and cpm rescaled), as a cohort merge needs.
    case relativeWhenMixed
}

/// Builds one table from several, one input at a time (an outer join, the core of a cohort
/// merge): each added table's samples are appended and its taxa joined to those seen before by
/// ``TaxonKey`` (bare names only within their own input), so a merge of thousands of reports
/// holds one report at a time beside the cohort's non-zeros.
///
/// Each sample keeps its effective source (its table's facts and its own) as per-sample
/// ``Sample/source``, over a table default of the facts all samples share; each taxon keeps
/// every label it was read under with its input in ``Taxon/origins``. The inputs' steps are
/// kept, each tagged with its input, followed by one `concatenate` step. Table attributes that
/// differ between inputs are not kept; the step lists them under `attributes-dropped`.
public struct TableConcatenator: Sendable {
    private let duplicateSamples: DuplicateSamplePolicy
    private let units: UnitHarmonisation
    private var merger = TaxonMerger(recordsEveryOrigin: true)
    private var samples: [Sample] = []
    private var inputOfSample: [String: String] = [:]
    private var unitOfSample: [AbundanceUnit] = []
    private var rowStarts: [Int] = [0]
    private var taxonIndices: [Int32] = []
    private var values: [Double] = []
    private var steps: [ProvenanceStep] = []
    private var diagnostics: [Diagnostic] = []
    private var attributes: [SourceKey: String?] = [:]
    private var structure: ProfileStructure?
    private var inputs = 0
    private var renamedSamples = 0

    public init(duplicateSamples: DuplicateSamplePolicy = .fail, units: UnitHarmonisation = .requireSame) {
        self.duplicateSamples = duplicateSamples
        self.units = units
    }

    /// The number of samples added so far.
    public var sampleCount: Int { samples.count }

    /// Adds one table. Its samples must not collide with earlier ones (unless renaming), it must
    /// have the structure of the first, and (under ``UnitHarmonisation/requireSame``) its unit.
    /// `input` names the table in errors, step logs and taxon origins (by default its source file).
    /// Returns the ids the table's samples have in the result (renamed ones differ).
    @discardableResult
    public mutating func add(_ table: ProfileTable, input name: String? = nil) throws(TransformError) -> [String] {
        if let structure, structure != table.structure { throw .structureMismatch }
        if units == .requireSame, let first = unitOfSample.first, first != table.unit {
            throw .unitMismatch([first, table.unit].sorted { $0.description < $1.description })
        }
        if units == .relativeWhenMixed, table.unit != .counts, table.unit.wholeSampleTotal == nil {
            throw .unitMismatch([.relative, table.unit])
        }
        structure = table.structure
        let input = name ?? table.provenance.source[.sourceFile] ?? "input \(inputs + 1)"
        let keys = table.taxonKeys(scope: "\(inputs):\(input)")
        let target = table.taxa.indices.map { merger.add(table.taxa[$0], key: keys[$0], input: input) }

        var sampleNames: [String: String] = [:]
        var added: [Sample] = []
        for index in table.samples.indices {
            var sample = table.samples[index]
            sample.source = table.source(ofSample: index)
            if let earlier = inputOfSample[sample.id] {
                guard duplicateSamples == .rename else { throw .duplicateSample(id: sample.id, inputs: [earlier, input]) }
                var suffix = 2
                while inputOfSample["\(sample.id)-\(suffix)"] != nil { suffix += 1 }
                sample.metadata["original-id"] = .string(sample.id)
                sample.id = "\(sample.id)-\(suffix)"
                renamedSamples += 1
            }
            inputOfSample[sample.id] = input
            sampleNames[table.samples[index].id] = sample.id
            added.append(sample)
        }
        try appendRows(of: table, target: target, sampleIDs: added.map(\.id))
        samples += added
        unitOfSample += Array(repeating: table.unit, count: added.count)

        var taxonNames: [String: String] = [:]
        for (old, new) in target.enumerated() { taxonNames[table.taxa[old].id] = merger.taxa[new].id }
        diagnostics += DiagnosticReferences(taxa: taxonNames, samples: sampleNames).apply(to: table.diagnostics).kept
        steps += table.provenance.steps.map { step in
            var step = step
            step.parameters["input"] = input
            return step
        }
        noteAttributes(of: table)
        inputs += 1
        return added.map(\.id)
    }

    /// Appends the table's sample rows with taxa renumbered; rows of taxa that joined each other sum.
    private mutating func appendRows(of table: ProfileTable, target: [Int], sampleIDs: [String]) throws(TransformError) {
        var row: [(taxon: Int32, value: Double)] = []
        for sample in table.samples.indices {
            row.removeAll(keepingCapacity: true)
            for entry in table.abundances.range(ofSample: sample) {
                row.append((Int32(target[Int(table.abundances.taxonIndices[entry])]), table.abundances.values[entry]))
            }
            row.sort { $0.taxon < $1.taxon }
            for (taxon, value) in row {
                if let last = taxonIndices.last, taxonIndices.count > rowStarts[rowStarts.count - 1], last == taxon {
                    values[values.count - 1] += value
                    guard values[values.count - 1].isFinite else {
                        throw .nonFiniteSum(sample: sampleIDs[sample], taxon: merger.taxa[Int(taxon)].id)
                    }
                } else {
                    taxonIndices.append(taxon)
                    values.append(value)
                }
            }
            rowStarts.append(values.count)
        }
    }

    /// Remembers the table attributes (facts that are not per-sample) that every input shares.
    private mutating func noteAttributes(of table: ProfileTable) {
        let facts = table.provenance.source.filter { !$0.isSampleFact }
        if inputs == 0 {
            for (key, value) in facts { attributes[key] = value }
            return
        }
        for key in Set(attributes.keys).union(facts.keys) where attributes[key] != .some(facts[key]) {
            attributes[key] = .some(nil)
        }
    }

    /// The concatenated table. Throws ``TransformError/noTables`` when nothing was added.
    public consuming func finish() throws(TransformError) -> ProfileTable {
        guard inputs > 0, let structure else { throw .noTables }
        let mixed = Set(unitOfSample).count > 1
        let unit: AbundanceUnit = mixed ? .relative : (unitOfSample.first ?? .counts)
        let abundances = SparseAbundances(rowStarts: rowStarts, taxonIndices: taxonIndices, values: values)

        var source = SourceFacts()
        for key in SourceKey.sampleFacts {
            guard let value = samples.first?.source[key], samples.allSatisfy({ $0.source[key] == value }) else { continue }
            source[key] = value
        }
        for index in samples.indices { samples[index].source = samples[index].source.filter { source[$0] == nil } }
        var dropped: [SourceKey] = []
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if let value { source[key] = value } else { dropped.append(key) }
        }
        var parameters = ["inputs": String(inputs), "samples": String(samples.count),
                          "taxa": String(merger.taxa.count), "taxa-joined": String(merger.mergedAway)]
        if renamedSamples > 0 { parameters["samples-renamed"] = String(renamedSamples) }
        if merger.renamedIDs > 0 { parameters["ids-renamed"] = String(merger.renamedIDs) }
        if !dropped.isEmpty { parameters["attributes-dropped"] = dropped.map(\.rawValue).joined(separator: ",") }
        if mixed {
            parameters["units"] = Set(unitOfSample).map(\.description).sorted().joined(separator: ",")
            parameters["unit"] = unit.description
        }
        steps.append(ProvenanceStep(action: .concatenate, parameters: parameters))
        var table = ProfileTable(samples: samples, taxa: merger.taxa, abundances: abundances, unit: unit,
                                 structure: structure, provenance: Provenance(source: source, steps: steps),
                                 diagnostics: diagnostics)
        if mixed {
            // Each sample as fractions of its own whole: counts over their structure-aware total,
            // compositional units rescaled by their whole-sample value.
            let totals = table.sampleTotals()
            let sampleUnits = unitOfSample
            table.abundances = abundances.mapValues { sample, value in
                value / (sampleUnits[sample].wholeSampleTotal ?? totals[sample])
            }
        }
        return table
    }
}

extension ProfileTable {
    /// One table from several: ``TableConcatenator`` over `tables` in order. All tables must share
    /// a unit and a structure.
    public static func concatenating(_ tables: [ProfileTable],
                                     duplicateSamples: DuplicateSamplePolicy = .fail) throws(TransformError) -> ProfileTable {
        var concatenator = TableConcatenator(duplicateSamples: duplicateSamples)
        for table in tables { try concatenator.add(table) }
        return try concatenator.finish()
    }
}
