/// Why a table could not be built.
public enum BuilderError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicateSampleID(String)
    case duplicateTaxonID(String)
    case nonFiniteValue(sample: String, taxon: String)
    case negativeValue(sample: String, taxon: String, value: Double)
    case duplicateEntry(sample: String, taxon: String)
    case indexOutOfRange(sample: Int, taxon: Int)
    case emptySampleID
    case emptyTaxonID
    case tooManyTaxa(Int)

    public var description: String {
        switch self {
        case .duplicateSampleID(let id): "sample id '\(id)' occurs twice"
        case .duplicateTaxonID(let id): "taxon id '\(id)' occurs twice"
        case .nonFiniteValue(let sample, let taxon): "value for sample '\(sample)', taxon '\(taxon)' is not a finite number"
        case .negativeValue(let sample, let taxon, let value):
            "value \(value) for sample '\(sample)', taxon '\(taxon)' is negative"
        case .duplicateEntry(let sample, let taxon): "sample '\(sample)' has two values for taxon '\(taxon)'"
        case .indexOutOfRange(let sample, let taxon): "entry (\(sample), \(taxon)) is outside the table"
        case .emptySampleID: "a sample id is empty"
        case .emptyTaxonID: "a taxon id is empty"
        case .tooManyTaxa(let count): "\(count) taxa exceed the supported maximum of \(Int32.max)"
        }
    }
}

/// Builds a ``ProfileTable`` while enforcing its invariants: unique non-empty sample and
/// taxon ids, finite non-negative values, one value per cell, rank-ordered lineages
/// (guaranteed by ``Lineage``).
///
/// Feed it row by row or column by column, in any order: it keeps only the non-zero
/// entries (16 bytes each) and compresses them by sample in `build()`, so a large
/// file streams through without a dense copy.
public struct ProfileTableBuilder: Sendable {
    public var unit: AbundanceUnit
    public var structure: ProfileStructure
    public var provenance: Provenance
    public private(set) var diagnostics: [Diagnostic] = []

    private var samples: [Sample] = []
    private var taxa: [Taxon] = []
    private var sampleIndexByID: [String: Int] = [:]
    private var taxonIndexByID: [String: Int] = [:]
    private var entrySamples: [Int32] = []
    private var entryTaxa: [Int32] = []
    private var entryValues: [Double] = []

    public init(unit: AbundanceUnit, structure: ProfileStructure, provenance: Provenance = Provenance()) {
        self.unit = unit
        self.structure = structure
        self.provenance = provenance
    }

    /// The number of samples added so far.
    public var sampleCount: Int { samples.count }
    /// The number of taxa added so far.
    public var taxonCount: Int { taxa.count }

    /// Adds a sample and returns its index.
    @discardableResult
    public mutating func addSample(_ sample: Sample) throws(BuilderError) -> Int {
        guard !sample.id.isEmpty else { throw .emptySampleID }
        guard sampleIndexByID[sample.id] == nil else { throw .duplicateSampleID(sample.id) }
        sampleIndexByID[sample.id] = samples.count
        samples.append(sample)
        return samples.count - 1
    }

    /// Adds a taxon and returns its index.
    @discardableResult
    public mutating func addTaxon(_ taxon: Taxon) throws(BuilderError) -> Int {
        guard !taxon.id.isEmpty else { throw .emptyTaxonID }
        guard taxonIndexByID[taxon.id] == nil else { throw .duplicateTaxonID(taxon.id) }
        guard taxa.count < Int(Int32.max) else { throw .tooManyTaxa(taxa.count + 1) }
        taxonIndexByID[taxon.id] = taxa.count
        taxa.append(taxon)
        return taxa.count - 1
    }

    /// The index of the sample with this id, if added.
    public func sampleIndex(id: String) -> Int? { sampleIndexByID[id] }
    /// The index of the taxon with this id, if added.
    public func taxonIndex(id: String) -> Int? { taxonIndexByID[id] }
    /// The sample at an index.
    public func sample(at index: Int) -> Sample { samples[index] }
    /// The taxon at an index.
    public func taxon(at index: Int) -> Taxon { taxa[index] }

    /// Replaces the metadata of an added sample (for formats that give metadata after values).
    public mutating func setMetadata(_ metadata: [String: MetadataValue], ofSample index: Int) {
        samples[index].metadata = metadata
    }

    /// Replaces an added taxon's descriptive fields; its id stays.
    public mutating func updateTaxon(at index: Int, _ update: (inout Taxon) -> Void) {
        let id = taxa[index].id
        update(&taxa[index])
        taxa[index].id = id
    }

    /// Records one abundance. Zeros are not stored; NaN, ±∞ and negatives are rejected.
    public mutating func setValue(_ value: Double, sample: Int, taxon: Int) throws(BuilderError) {
        guard sample >= 0, sample < samples.count, taxon >= 0, taxon < taxa.count else {
            throw .indexOutOfRange(sample: sample, taxon: taxon)
        }
        guard value.isFinite else { throw .nonFiniteValue(sample: samples[sample].id, taxon: taxa[taxon].id) }
        guard value >= 0 else { throw .negativeValue(sample: samples[sample].id, taxon: taxa[taxon].id, value: value) }
        guard value != 0 else { return }
        entrySamples.append(Int32(sample))
        entryTaxa.append(Int32(taxon))
        entryValues.append(value)
    }

    /// Records many abundances at once from parallel arrays of taxon indices, sample indices
    /// and values, as bulk readers collect them (a BIOM file's triplets): the same checks as
    /// ``setValue(_:sample:taxon:)``, in one pass, and when nothing was recorded before, the
    /// arrays are taken over instead of copied. Zeros are dropped. On an error nothing is recorded;
    /// `failedEntry` is the index of the entry that failed.
    public mutating func appendEntries(taxa newTaxa: [Int32], samples newSamples: [Int32], values newValues: [Double],
                                       failedEntry: inout Int?) throws(BuilderError) {
        var entryTaxa = newTaxa, entrySamples = newSamples, entryValues = newValues
        precondition(entryTaxa.count == entrySamples.count && entrySamples.count == entryValues.count,
                     "parallel entry arrays must have one length")
        let sampleLimit = Int32(samples.count), taxonLimit = Int32(taxa.count)
        var zeros = 0
        for entry in entryValues.indices {
            let sample = entrySamples[entry], taxon = entryTaxa[entry], value = entryValues[entry]
            guard sample >= 0, sample < sampleLimit, taxon >= 0, taxon < taxonLimit else {
                failedEntry = entry
                throw .indexOutOfRange(sample: Int(sample), taxon: Int(taxon))
            }
            guard value.isFinite else {
                failedEntry = entry
                throw .nonFiniteValue(sample: samples[Int(sample)].id, taxon: taxa[Int(taxon)].id)
            }
            guard value >= 0 else {
                failedEntry = entry
                throw .negativeValue(sample: samples[Int(sample)].id, taxon: taxa[Int(taxon)].id, value: value)
            }
            if value == 0 { zeros += 1 }
        }
        if zeros > 0 {
            var kept = 0
            for entry in entryValues.indices where entryValues[entry] != 0 {
                entryTaxa[kept] = entryTaxa[entry]
                entrySamples[kept] = entrySamples[entry]
                entryValues[kept] = entryValues[entry]
                kept += 1
            }
            entryTaxa.removeLast(entryTaxa.count - kept)
            entrySamples.removeLast(entrySamples.count - kept)
            entryValues.removeLast(entryValues.count - kept)
        }
        if entryValues.isEmpty { return }
        if self.entryValues.isEmpty {
            self.entryTaxa = entryTaxa
            self.entrySamples = entrySamples
            self.entryValues = entryValues
        } else {
            self.entryTaxa += entryTaxa
            self.entrySamples += entrySamples
            self.entryValues += entryValues
        }
    }

    /// Makes room for `count` more entries, for importers that know how many values follow
    /// (a BIOM file's `nnz`): the entry arrays then grow once instead of doubling repeatedly.
    public mutating func reserveCapacity(entries count: Int) {
        let total = entryValues.count + max(0, count)
        entrySamples.reserveCapacity(total)
        entryTaxa.reserveCapacity(total)
        entryValues.reserveCapacity(total)
    }

    /// Records a non-fatal finding.
    public mutating func addDiagnostic(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Compresses the entries by sample and returns the table.
    /// Throws ``BuilderError/duplicateEntry(sample:taxon:)`` when a cell was given twice.
    public consuming func build() throws(BuilderError) -> ProfileTable {
        let sampleTotal = samples.count
        var rowStarts = [Int](repeating: 0, count: sampleTotal + 1)
        for sample in entrySamples { rowStarts[Int(sample) + 1] += 1 }
        for index in 0..<sampleTotal { rowStarts[index + 1] += rowStarts[index] }

        var cursor = rowStarts
        var taxonIndices = [Int32](repeating: 0, count: entryValues.count)
        var values = [Double](repeating: 0, count: entryValues.count)
        for entry in entryValues.indices {
            let sample = Int(entrySamples[entry])
            let slot = cursor[sample]
            cursor[sample] += 1
            taxonIndices[slot] = entryTaxa[entry]
            values[slot] = entryValues[entry]
        }
        entrySamples = []
        entryTaxa = []
        entryValues = []

        for sample in 0..<sampleTotal {
            let range = rowStarts[sample]..<rowStarts[sample + 1]
            try Self.sortRow(range, taxonIndices: &taxonIndices, values: &values,
                             sampleID: samples[sample].id, taxa: taxa)
        }
        if case .counts = unit, values.contains(where: { $0 != $0.rounded() }) {
            diagnostics.append(Diagnostic(code: "abundance.fractional-counts", severity: .info,
                                          message: "the unit is counts but some values are fractional"))
        }
        let abundances = SparseAbundances(rowStarts: rowStarts, taxonIndices: taxonIndices, values: values)
        return ProfileTable(samples: samples, taxa: taxa, abundances: abundances, unit: unit,
                            structure: structure, provenance: provenance, diagnostics: diagnostics)
    }

    /// Sorts one sample's entries by taxon index (only when out of order) and rejects repeats.
    private static func sortRow(_ range: Range<Int>, taxonIndices: inout [Int32], values: inout [Double],
                                sampleID: String, taxa: [Taxon]) throws(BuilderError) {
        guard range.count > 1 else { return }
        var sorted = true
        for entry in range.dropFirst() where taxonIndices[entry - 1] >= taxonIndices[entry] {
            sorted = false
            break
        }
        if !sorted {
            var pairs = range.map { (taxonIndices[$0], values[$0]) }
            pairs.sort { $0.0 < $1.0 }
            for (offset, pair) in pairs.enumerated() {
                taxonIndices[range.lowerBound + offset] = pair.0
                values[range.lowerBound + offset] = pair.1
            }
        }
        for entry in range.dropFirst() where taxonIndices[entry - 1] == taxonIndices[entry] {
            throw .duplicateEntry(sample: sampleID, taxon: taxa[Int(taxonIndices[entry])].id)
        }
    }
}
