import Foundation
import ProfileModel

/// A table made ready for analysis, the one way every metric, chart and index receives data:
/// disjoint leaves (clade-cumulative rows are never counted twice), collapsed to a rank with the
/// model's ``ProfileTable/collapsed(to:tolerance:)`` when one applies, with notes on
/// comparability when samples come from different sources (their per-sample source facts).
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
        var unresolvedShare = 0.0
        if let rank {
            let present = leaves.ranksPresent()
            guard present.contains(rank) else { throw .rankNotPresent(rank, present: present) }
            do { table = try imported.collapsed(to: rank) } catch { throw .transformFailed(reason: error.description) }
            let placeholder = table.taxa.map(Self.isPlaceholder)
            unresolved = placeholder.filter { $0 }.count
            unresolvedShare = Self.meanShare(of: placeholder, in: table)
            notes.append("Collapsed \(leaves.taxa.count) taxa to \(table.taxa.count) at \(rank.rawValue).")
            if unresolved > 0 {
                notes.append("\(unresolved) \"unclassified\" rows beneath their deepest named ancestor hold what the sources did not name at \(rank.rawValue) (on average \(Self.percent(unresolvedShare)) of a sample).")
            }
        }
        self.table = table
        self.leaves = leaves
        self.comparability = ComparabilityNotes(groups: groups, sharedRank: sharedRank, analysedRank: rank,
                                                taxaBefore: leaves.taxa.count, taxaAfter: table.taxa.count,
                                                unresolvedTaxa: unresolved, unresolvedShare: unresolvedShare, notes: notes)
    }

    /// Whether a collapsed row is the model's placeholder for mass not named at the rank.
    public static func isPlaceholder(_ taxon: Taxon) -> Bool {
        taxon.metadata["placeholder"] == .bool(true)
    }

    /// The mean over samples of the share held by the flagged taxa.
    static func meanShare(of flagged: [Bool], in table: ProfileTable) -> Double {
        let totals = table.sampleTotals()
        var sum = 0.0
        for sample in table.samples.indices where totals[sample] > 0 {
            for (taxon, value) in table.abundances.entries(ofSample: sample) where flagged[taxon] { sum += value / totals[sample] }
        }
        return table.samples.isEmpty ? 0 : sum / Double(table.samples.count)
    }

    private static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }

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
