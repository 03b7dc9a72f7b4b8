import ProfileModel

/// A table made ready for analysis, the one way every metric, chart and index receives data:
/// clade-cumulative rows turned into disjoint leaves (so nothing is counted twice), then
/// collapsed to a rank, with notes on comparability when samples come from different sources.
///
/// The rank is the one asked for; when none is asked for and the samples come from different
/// assays, pipelines or databases, it is the deepest rank every source reaches, and the notes say so.
public struct AnalysisTable: Sendable {
    /// The leaves table the analysis uses, at the analysed rank.
    public let table: ProfileTable
    /// The leaves before any collapse (full lineages, for panels that look at several ranks).
    public let leaves: ProfileTable
    /// What was done for comparability.
    public let comparability: ComparabilityNotes

    public init(_ imported: ProfileTable, rank requested: Rank? = nil) throws(AnalysisError) {
        let leaves = imported.toLeaves()
        let groups = ComparabilityNotes.groups(of: leaves)
        var notes: [String] = []
        var sharedRank: Rank?
        if groups.count > 1 {
            let depths = groups.map { $0.deepestRank?.depth ?? -1 }
            if let shallowest = depths.min(), shallowest >= 0 { sharedRank = Rank.ordered[shallowest] }
            let listed = groups.map { "\($0.sampleCount) sample(s) from \(ComparabilityNotes.describe($0.facts)) (named to \($0.deepestRank?.rawValue ?? "no rank"))" }
            notes.append("Samples come from \(groups.count) different sources: \(listed.joined(separator: "; ")).")
        }
        let rank = requested ?? sharedRank
        if let requested, let sharedRank, let depth = requested.depth, let sharedDepth = sharedRank.depth, depth > sharedDepth {
            notes.append("The requested rank \(requested.rawValue) is deeper than the deepest rank all sources share (\(sharedRank.rawValue)); samples from shallower sources appear as unclassified at \(requested.rawValue), so differences there partly reflect the methods, not the microbiome.")
        } else if requested == nil, let sharedRank {
            notes.append("To compare like with like, the analysis runs at \(sharedRank.rawValue), the deepest rank every source reaches.")
        }
        var table = leaves
        var unresolved = 0
        if let rank {
            let present = leaves.ranksPresent()
            guard present.contains(rank) else { throw .rankNotPresent(rank, present: present) }
            (table, unresolved) = try RankCollapse.collapse(leaves, to: rank)
            notes.append("Collapsed \(leaves.taxa.count) taxa to \(table.taxa.count) at \(rank.rawValue).")
            if unresolved > 0 {
                notes.append("\(unresolved) taxa are not named at \(rank.rawValue) and are kept as \"unclassified\" beneath their deepest named ancestor.")
            }
        }
        self.table = table
        self.leaves = leaves
        self.comparability = ComparabilityNotes(groups: groups, sharedRank: sharedRank, analysedRank: rank,
                                                taxaBefore: leaves.taxa.count, taxaAfter: table.taxa.count,
                                                unresolvedTaxa: unresolved, notes: notes)
    }

    /// The same preparation with the table replaced by a transform of it (rarefied, closed).
    public func replacingTable(_ transformed: ProfileTable) -> AnalysisTable {
        AnalysisTable(table: transformed, leaves: leaves, comparability: comparability)
    }

    private init(table: ProfileTable, leaves: ProfileTable, comparability: ComparabilityNotes) {
        self.table = table
        self.leaves = leaves
        self.comparability = comparability
    }
}
