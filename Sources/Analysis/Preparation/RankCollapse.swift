import ProfileModel

/// Collapses a leaves table to one rank: taxa with the same lineage down to that rank are merged
/// (values summed); a taxon not named at that rank goes to a placeholder beneath its deepest
/// named ancestor ("unclassified Lachnospiraceae"), so no mass is lost.
///
/// Interim: the model is gaining `ProfileTable.collapsed(to:)`; this internal version serves the
/// analysis until then and follows the same rule.
enum RankCollapse {
    /// The collapsed table, and how many source taxa went to placeholders.
    static func collapse(_ table: ProfileTable, to rank: Rank) throws(AnalysisError) -> (table: ProfileTable, placeholders: Int) {
        var groupIndex: [String: Int] = [:]
        var groups: [Taxon] = []
        var target: [Int] = []
        var placeholders = 0
        for taxon in table.taxa {
            let (key, merged, isPlaceholder) = group(of: taxon, at: rank)
            if isPlaceholder { placeholders += 1 }
            if let index = groupIndex[key] {
                target.append(index)
            } else {
                groupIndex[key] = groups.count
                target.append(groups.count)
                groups.append(merged)
            }
        }
        let rows = (0..<table.samples.count).map { sample in
            var sums: [Int: Double] = [:]
            for (taxon, value) in table.abundances.entries(ofSample: sample) { sums[target[taxon], default: 0] += value }
            return sums.sorted { $0.key < $1.key }.map { (taxon: $0.key, value: $0.value) }
        }
        let collapsed = try TableRebuild.build(
            from: table, unit: table.unit, structure: .leaves, samples: table.samples, taxa: groups, rows: rows,
            step: ProvenanceStep(action: "collapse", parameters: [
                "rank": rank.rawValue, "taxa-before": String(table.taxa.count), "taxa-after": String(groups.count),
                "placeholder-taxa": String(placeholders),
            ]))
        return (collapsed, placeholders)
    }

    /// The merge key, the merged taxon and whether it is a placeholder.
    private static func group(of taxon: Taxon, at rank: Rank) -> (String, Taxon, Bool) {
        let truncated = taxon.lineage.truncated(after: rank)
        let path = truncated.named.filter { $0.rank != .unranked }
        let key = path.map { "\($0.rank.prefixLetter.map(String.init) ?? "x")__\($0.name)" }.joined(separator: "|")
        if let name = truncated.name(at: rank) {
            return (key, Taxon(id: key, label: name, lineage: Lineage(path) ?? truncated), false)
        }
        let parent = path.last?.name
        let placeholderKey = (key.isEmpty ? "" : key + "|") + "\(rank.prefixLetter.map(String.init) ?? "x")__"
        let lineage = Lineage(path + [LineageEntry(rank: rank, name: "")]) ?? truncated
        let label = parent.map { "unclassified \($0)" } ?? "unclassified"
        return (placeholderKey, Taxon(id: placeholderKey, label: label, lineage: lineage), true)
    }
}
