import ProfileModel

/// The composition of each sample at one rank: the most abundant taxa across the cohort, each
/// sample's share of them, the rest grouped as "other", and the share not named at that rank.
public struct CompositionSummary: Sendable, Codable, Equatable {
    /// The rank summarised.
    public let rank: Rank
    /// The top taxa's names at the rank, most abundant (by mean share over samples) first.
    public let taxa: [String]
    /// `shares[sample][k]`: sample's share of `taxa[k]`; then one entry for "other" and one for "unclassified".
    public let shares: [[Double]]
    /// The sample ids.
    public let sampleIDs: [String]
    /// Mean share of each top taxon over the samples.
    public let meanShares: [Double]
    /// Mean share not named at the rank.
    public let meanUnclassified: Double

    /// The summary of a table collapsed to `rank` (an ``AnalysisTable`` at that rank), keeping `top` taxa.
    public init(_ table: ProfileTable, rank: Rank, top: Int) {
        let totals = table.sampleTotals()
        let isUnclassified = table.taxa.map { AnalysisTable.isPlaceholder($0) || $0.lineage.name(at: rank) == nil }
        var meanShare = [Double](repeating: 0, count: table.taxa.count)
        let sampleCount = table.samples.count
        for sample in 0..<sampleCount where totals[sample] > 0 {
            for (taxon, value) in table.abundances.entries(ofSample: sample) {
                meanShare[taxon] += value / totals[sample] / Double(sampleCount)
            }
        }
        let ranked = table.taxa.indices.filter { !isUnclassified[$0] && meanShare[$0] > 0 }
            .sorted { meanShare[$0] != meanShare[$1] ? meanShare[$0] > meanShare[$1] : table.taxa[$0].id < table.taxa[$1].id }
        let kept = Array(ranked.prefix(top))
        let column = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        var shares: [[Double]] = []
        var unclassified = 0.0
        for sample in 0..<sampleCount {
            var row = [Double](repeating: 0, count: kept.count + 2)
            if totals[sample] > 0 {
                for (taxon, value) in table.abundances.entries(ofSample: sample) {
                    let share = value / totals[sample]
                    if isUnclassified[taxon] { row[kept.count + 1] += share } else { row[column[taxon] ?? kept.count] += share }
                }
            }
            unclassified += row[kept.count + 1] / Double(max(sampleCount, 1))
            shares.append(row)
        }
        self.rank = rank
        self.taxa = kept.map { table.taxa[$0].lineage.name(at: rank) ?? table.taxa[$0].label }
        self.shares = shares
        self.sampleIDs = table.samples.map(\.id)
        self.meanShares = kept.map { meanShare[$0] }
        self.meanUnclassified = unclassified
    }
}
