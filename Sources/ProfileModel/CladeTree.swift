/// The parent of each taxon in a clade-cumulative table: the nearest taxon in the same
/// table whose named lineage is a prefix of this one's.
struct CladeTree {
    /// `parents[t]` is the index of taxon `t`'s nearest ancestor in the table, or `nil` at the top.
    let parents: [Int?]

    /// One step down a lineage: the prefix it extends (by number) and the level it adds.
    private struct Step: Hashable {
        let prefix: Int
        let rank: Rank
        let name: String
    }

    /// Numbers every distinct named prefix of every lineage once, so that each taxon costs one
    /// lookup per level (not a hash of every prefix as an array).
    init(taxa: [Taxon]) {
        var prefixByStep: [Step: Int] = [:]
        var taxonByPrefix: [Int: Int] = [:]
        var prefixesOfTaxon: [[Int]] = []
        prefixesOfTaxon.reserveCapacity(taxa.count)
        for (index, taxon) in taxa.enumerated() {
            var prefixes: [Int] = []
            var prefix = -1
            for entry in taxon.lineage.entries where !entry.name.isEmpty {
                let step = Step(prefix: prefix, rank: entry.rank, name: entry.name)
                if let known = prefixByStep[step] {
                    prefix = known
                } else {
                    prefix = prefixByStep.count
                    prefixByStep[step] = prefix
                }
                prefixes.append(prefix)
            }
            if let own = prefixes.last, taxonByPrefix[own] == nil { taxonByPrefix[own] = index }
            prefixesOfTaxon.append(prefixes)
        }
        parents = prefixesOfTaxon.map { prefixes in
            for prefix in prefixes.dropLast().reversed() {
                if let parent = taxonByPrefix[prefix] { return parent }
            }
            return nil
        }
    }

    /// Whether each taxon has at least one child in the table.
    var hasChildren: [Bool] {
        var result = Array(repeating: false, count: parents.count)
        for parent in parents { if let parent { result[parent] = true } }
        return result
    }
}
