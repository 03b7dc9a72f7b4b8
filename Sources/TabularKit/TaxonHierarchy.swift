import ProfileModel

/// Builds lineages for tables that hold a tree: each row names its parent's taxon id
/// (uBiome), or the path of taxon ids from the root (ganon). A row's lineage is then the
/// names and ranks of its ancestors found in the same table, followed by its own.
enum TaxonHierarchy {
    /// Replaces each taxon's lineage with the one its ancestors give. `parents` maps a taxon
    /// index to its parent's taxon id value; `paths` maps it to the ids from the root down to itself.
    static func assignLineages(parents: [Int: String], paths: [Int: [String]], builder: inout ProfileTableBuilder) {
        var indexByID: [String: Int] = [:]
        for index in 0..<builder.taxonCount {
            if let value = builder.taxon(at: index).taxonID?.value, indexByID[value] == nil { indexByID[value] = index }
        }
        var lineages: [Int: Lineage] = [:]
        for index in 0..<builder.taxonCount {
            let chain = ancestors(of: index, parents: parents, paths: paths, indexByID: indexByID)
            guard !chain.isEmpty else { continue }
            lineages[index] = lineage(of: chain + [index], builder: builder)
        }
        for (index, lineage) in lineages {
            builder.updateTaxon(at: index) { $0.lineage = lineage }
        }
    }

    /// The indices of a taxon's ancestors in the table, from the top down; cycles end the walk.
    private static func ancestors(of index: Int, parents: [Int: String], paths: [Int: [String]],
                                  indexByID: [String: Int]) -> [Int] {
        if let path = paths[index] {
            return path.compactMap { indexByID[$0] }.filter { $0 != index }
        }
        var chain: [Int] = []
        var seen: Set<Int> = [index]
        var current = index
        while let parentID = parents[current], let parent = indexByID[parentID], !seen.contains(parent) {
            chain.append(parent)
            seen.insert(parent)
            current = parent
        }
        return chain.reversed()
    }

    /// The lineage of a chain of taxa: each contributes its own deepest entry; an entry whose
    /// rank would break rank order is kept as unranked.
    private static func lineage(of chain: [Int], builder: ProfileTableBuilder) -> Lineage {
        var entries: [LineageEntry] = []
        var deepest = -1
        for index in chain {
            let taxon = builder.taxon(at: index)
            guard var entry = taxon.lineage.entries.last ?? (taxon.label.isEmpty ? nil : LineageEntry(rank: .unranked, name: taxon.label))
            else { continue }
            if let depth = entry.rank.depth {
                if depth <= deepest { entry.rank = .unranked } else { deepest = depth }
            }
            entries.append(entry)
        }
        return Lineage(entries) ?? Lineage()
    }
}
