/// The canonical profile: samples × taxa abundances with their unit, structure,
/// provenance and import diagnostics. Built only through ``ProfileTableBuilder``.
public struct ProfileTable: Sendable, Hashable {
    /// Samples in table order.
    public internal(set) var samples: [Sample]
    /// Taxa (features) in table order.
    public internal(set) var taxa: [Taxon]
    /// The abundance matrix, compressed by sample.
    public internal(set) var abundances: SparseAbundances
    /// The unit of every value.
    public internal(set) var unit: AbundanceUnit
    /// Whether rows are disjoint leaves or clade-cumulative.
    public internal(set) var structure: ProfileStructure
    /// Source facts and the ordered log of steps applied.
    public var provenance: Provenance
    /// Non-fatal findings, in the order they were made.
    public var diagnostics: [Diagnostic]

    init(samples: [Sample], taxa: [Taxon], abundances: SparseAbundances, unit: AbundanceUnit,
         structure: ProfileStructure, provenance: Provenance, diagnostics: [Diagnostic]) {
        self.samples = samples
        self.taxa = taxa
        self.abundances = abundances
        self.unit = unit
        self.structure = structure
        self.provenance = provenance
        self.diagnostics = diagnostics
    }

    /// The value at (`sample`, `taxon`) by index; zero when absent.
    public func value(sample: Int, taxon: Int) -> Double {
        abundances.value(sample: sample, taxon: taxon)
    }

    /// Each sample's total, counted once: the sum of all rows for leaves, and the sum of the
    /// top-level clades (rows with no ancestor in the table) for clade-cumulative tables.
    public func sampleTotals() -> [Double] {
        sampleTotals(tree: structure == .cladeCumulative ? CladeTree(taxa: taxa) : nil)
    }

    /// ``sampleTotals()`` over a clade tree already built for this table (`nil` for leaves).
    func sampleTotals(tree: CladeTree?) -> [Double] {
        let counted = tree?.parents.map { $0 == nil } ?? Array(repeating: true, count: taxa.count)
        return (0..<samples.count).map { sample in
            var total = 0.0
            for (taxon, value) in abundances.entries(ofSample: sample) where counted[taxon] { total += value }
            return total
        }
    }

    /// The ranks that carry at least one named lineage entry, in rank order.
    public func ranksPresent() -> [Rank] {
        var seen = Set<Rank>()
        for taxon in taxa {
            for entry in taxon.lineage.entries where !entry.name.isEmpty { seen.insert(entry.rank) }
        }
        return (Rank.ordered + [.unranked]).filter(seen.contains)
    }

    /// A copy with one more provenance step logged.
    public func appendingStep(_ step: ProvenanceStep) -> ProfileTable {
        var copy = self
        copy.provenance.steps.append(step)
        return copy
    }
}
