/// Checks of a clade-cumulative table's values against its own tree.
extension ProfileTable {
    /// A clade whose children in the table hold more than the clade itself.
    public struct CladeExcess: Sendable, Hashable {
        public var sample: Int
        public var taxon: Int
        /// The sum of the clade's children in that sample.
        public var childSum: Double
    }

    /// Each taxon's nearest ancestor in the table (by named lineage), `nil` at the top.
    public func cladeParents() -> [Int?] { CladeTree(taxa: taxa).parents }

    /// Every (sample, clade) whose children in the table sum to more than the clade's value plus
    /// `tolerance` × the clade's value plus `slack` (rounding of printed values); empty for leaf tables.
    ///
    /// A child is a row whose nearest ancestor in the table is the clade; with `immediateOnly`,
    /// only rows exactly one named level below it count (a profile that leaves out intermediate
    /// rows cannot be checked through them).
    public func cladesExceededByChildren(tolerance: Double = 1e-6, slack: Double = 0,
                                         immediateOnly: Bool = false) -> [CladeExcess] {
        guard structure == .cladeCumulative else { return [] }
        let parents = CladeTree(taxa: taxa).parents.enumerated().map { taxon, parent -> Int? in
            guard immediateOnly, let parent else { return parent }
            return taxa[taxon].lineage.named.count == taxa[parent].lineage.named.count + 1 ? parent : nil
        }
        var excesses: [CladeExcess] = []
        for sample in 0..<samples.count {
            var childSum: [Int: Double] = [:]
            for (taxon, value) in abundances.entries(ofSample: sample) {
                if let parent = parents[taxon] { childSum[parent, default: 0] += value }
            }
            for (taxon, sum) in childSum.sorted(by: { $0.key < $1.key }) {
                let value = abundances.value(sample: sample, taxon: taxon)
                if sum > value * (1 + tolerance) + slack { excesses.append(CladeExcess(sample: sample, taxon: taxon, childSum: sum)) }
            }
        }
        return excesses
    }

    /// A copy with one `abundance.children-exceed-parent` warning, on the first clade found, when
    /// any clade holds less than the rows below it (``cladesExceededByChildren(tolerance:slack:immediateOnly:)``
    /// with `slack`); `message` words it from the number of such clades, the first one and its value.
    public func flaggingCladesExceededByChildren(slack: Double,
                                                 message: (_ count: Int, _ first: CladeExcess, _ cladeValue: Double) -> String) -> ProfileTable {
        let excesses = cladesExceededByChildren(slack: slack)
        guard let first = excesses.first else { return self }
        var copy = self
        copy.diagnostics.append(Diagnostic(.childrenExceedParent,
                                           message: message(excesses.count, first, value(sample: first.sample, taxon: first.taxon)),
                                           sample: samples[first.sample].id, taxon: taxa[first.taxon].id))
        return copy
    }
}
