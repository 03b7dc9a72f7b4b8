/// The parent of each taxon in a clade-cumulative table: the nearest taxon in the same
/// table whose named lineage is a prefix of this one's.
struct CladeTree {
    /// `parents[t]` is the index of taxon `t`'s nearest ancestor in the table, or `nil` at the top.
    let parents: [Int?]

    init(taxa: [Taxon]) {
        var indexByPath: [[LineageEntry]: Int] = [:]
        for (index, taxon) in taxa.enumerated() {
            let path = taxon.lineage.namedPath
            if !path.isEmpty, indexByPath[path] == nil { indexByPath[path] = index }
        }
        parents = taxa.map { taxon in
            let path = taxon.lineage.namedPath
            guard path.count > 1 else { return nil }
            for length in stride(from: path.count - 1, through: 1, by: -1) {
                if let parent = indexByPath[Array(path.prefix(length))] { return parent }
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
