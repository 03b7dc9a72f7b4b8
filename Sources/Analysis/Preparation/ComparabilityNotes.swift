import ProfileModel

/// What the analysis did so that samples from different sources can be compared, in words a
/// reader can check: which sources were found, the deepest rank they share, and what a
/// collapse merged or left unresolved.
public struct ComparabilityNotes: Sendable, Codable, Equatable {
    /// One group of samples with the same source facts.
    public struct SourceGroup: Sendable, Codable, Equatable {
        /// The source facts (lab, assay, pipeline, database, …) the group shares; empty when unknown.
        public var facts: [String: String]
        /// How many samples it holds.
        public var sampleCount: Int
        /// The deepest rank its taxa are named at, if any.
        public var deepestRank: Rank?
    }

    /// The source groups, largest first.
    public var groups: [SourceGroup]
    /// The deepest rank every group reaches, when the groups differ.
    public var sharedRank: Rank?
    /// The rank the analysis ran at; `nil` for the features as imported.
    public var analysedRank: Rank?
    /// Taxa before and after the collapse.
    public var taxaBefore: Int
    public var taxaAfter: Int
    /// Source taxa not named at the analysed rank, kept under "unclassified" placeholders.
    public var unresolvedTaxa: Int
    /// Plain-language notes, in order.
    public var notes: [String]

    /// Whether samples come from more than one source.
    public var isMixed: Bool { groups.count > 1 }

    /// Groups the samples of `table` by their source facts.
    static func groups(of table: ProfileTable) -> [SourceGroup] {
        let sources = SampleSources.sources(of: table)
        var order: [[String: String]] = []
        var members: [[String: String]: [Int]] = [:]
        for (sample, facts) in sources.enumerated() {
            if members[facts] == nil { order.append(facts) }
            members[facts, default: []].append(sample)
        }
        let depthOfTaxon = table.taxa.map { $0.lineage.deepestRank?.depth ?? -1 }
        return order.map { facts in
            let samples = members[facts] ?? []
            var deepest = -1
            for sample in samples {
                for (taxon, _) in table.abundances.entries(ofSample: sample) { deepest = max(deepest, depthOfTaxon[taxon]) }
            }
            return SourceGroup(facts: facts, sampleCount: samples.count,
                               deepestRank: deepest >= 0 ? Rank.ordered[deepest] : nil)
        }.sorted { $0.sampleCount > $1.sampleCount }
    }

    /// A group's facts as one readable phrase.
    static func describe(_ facts: [String: String]) -> String {
        guard !facts.isEmpty else { return "source not stated" }
        return SampleSources.comparedKeys.compactMap { key in facts[key].map { "\(key) \($0)" } }.joined(separator: ", ")
    }
}
