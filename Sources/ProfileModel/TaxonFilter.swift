/// Which taxa to keep by abundance and prevalence, as `biom filter-table` does for observations.
///
/// A taxon is *present* in a sample when its value is above zero, or, with
/// ``minimumRelativeAbundance`` set, when it reaches that share of the sample's total
/// (structure-aware, ``ProfileTable/sampleTotals()``). A taxon is kept when its total over all
/// samples reaches ``minimumTotal`` and it is present in at least ``minimumPrevalence`` samples
/// (one sample when only ``minimumRelativeAbundance`` is set).
public struct TaxonFilter: Sendable, Hashable {
    /// How many samples a taxon must be present in.
    public enum Prevalence: Sendable, Hashable, CustomStringConvertible {
        /// At least this many samples.
        case samples(Int)
        /// At least this fraction (0…1) of the samples, rounded up.
        case fraction(Double)

        public var description: String {
            switch self {
            case .samples(let count): "\(count) samples"
            case .fraction(let share): "\(NumberFormatting.shortest(share)) of samples"
            }
        }
    }

    /// The smallest sum of a taxon's values over all samples, in the table's unit.
    public var minimumTotal: Double?
    public var minimumPrevalence: Prevalence?
    /// The smallest share (0…1) of a sample's total that counts as present.
    public var minimumRelativeAbundance: Double?

    public init(minimumTotal: Double? = nil, minimumPrevalence: Prevalence? = nil, minimumRelativeAbundance: Double? = nil) {
        self.minimumTotal = minimumTotal
        self.minimumPrevalence = minimumPrevalence
        self.minimumRelativeAbundance = minimumRelativeAbundance
    }

    /// Whether the filter keeps every taxon.
    public var isEmpty: Bool { minimumTotal == nil && minimumPrevalence == nil && minimumRelativeAbundance == nil }

    func validate() throws(TransformError) {
        if let total = minimumTotal, !(total >= 0 && total.isFinite) { throw .invalidThreshold(name: "minimum total", value: total) }
        if let share = minimumRelativeAbundance, !(share >= 0 && share <= 1) {
            throw .invalidThreshold(name: "minimum relative abundance", value: share)
        }
        switch minimumPrevalence {
        case .samples(let count)? where count < 0: throw .invalidThreshold(name: "minimum prevalence", value: Double(count))
        case .fraction(let share)? where !(share >= 0 && share <= 1): throw .invalidThreshold(name: "minimum prevalence", value: share)
        default: break
        }
    }

    /// The number of samples a taxon must be present in, for a table of `sampleCount` samples.
    func requiredPresence(sampleCount: Int) -> Int {
        switch minimumPrevalence {
        case .samples(let count)?: return count
        case .fraction(let share)?: return Int((share * Double(sampleCount)).rounded(.up))
        case nil: return minimumRelativeAbundance == nil ? 0 : 1
        }
    }

    var parameters: [String: String] {
        var result: [String: String] = [:]
        if let minimumTotal { result["minimum-total"] = NumberFormatting.shortest(minimumTotal) }
        if let minimumPrevalence { result["minimum-prevalence"] = minimumPrevalence.description }
        if let minimumRelativeAbundance { result["minimum-relative-abundance"] = NumberFormatting.shortest(minimumRelativeAbundance) }
        return result
    }
}

extension ProfileTable {
    /// The table with only the taxa `filter` keeps (one pass over the non-zeros).
    public func filteringTaxa(_ filter: TaxonFilter) throws(TransformError) -> ProfileTable {
        try filter.validate()
        var totals = [Double](repeating: 0, count: taxa.count)
        var presence = [Int](repeating: 0, count: taxa.count)
        let sampleTotals = filter.minimumRelativeAbundance == nil ? [] : self.sampleTotals()
        for sample in samples.indices {
            let threshold = filter.minimumRelativeAbundance.map { $0 * sampleTotals[sample] } ?? 0
            for entry in abundances.range(ofSample: sample) {
                let taxon = Int(abundances.taxonIndices[entry])
                let value = abundances.values[entry]
                totals[taxon] += value
                if value >= threshold && value > 0 { presence[taxon] += 1 }
            }
        }
        let required = filter.requiredPresence(sampleCount: samples.count)
        let minimumTotal = filter.minimumTotal ?? 0
        let keep = taxa.indices.map { totals[$0] >= minimumTotal && presence[$0] >= required }
        return keepingTaxa(keep, parameters: filter.parameters.merging(["mode": "abundance"]) { $1 })
    }

    /// The table with only the taxa `isIncluded` accepts.
    public func filteringTaxa(where isIncluded: (Taxon) -> Bool) -> ProfileTable {
        keepingTaxa(taxa.map(isIncluded), parameters: ["mode": "predicate"])
    }

    /// Removes the taxa whose `keep` flag is false; taxon order and every other row stay.
    private func keepingTaxa(_ keep: [Bool], parameters: [String: String]) -> ProfileTable {
        let newTaxa = taxa.indices.filter { keep[$0] }.map { taxa[$0] }
        let references = DiagnosticReferences(taxa: Dictionary(uniqueKeysWithValues: newTaxa.map { ($0.id, $0.id) }))
        var parameters = parameters
        parameters["taxa-kept"] = String(newTaxa.count)
        parameters["taxa-removed"] = String(taxa.count - newTaxa.count)
        return replacing(taxa: newTaxa, abundances: abundances.keepingTaxa(keep), references: references,
                         step: ProvenanceStep(action: .filterTaxa, parameters: parameters))
    }
}
