import ProfileModel

/// What the analysis did so that samples from different sources can be compared, in words a
/// reader can check: which sources were found, the deepest rank they share, and what a
/// collapse merged or left unresolved.
public struct ComparabilityNotes: Sendable, Codable, Equatable {
    /// One group of samples with the same source facts.
    public struct SourceGroup: Sendable, Codable, Equatable {
        /// The source facts (lab, assay, pipeline, database, …) the group shares; empty when unknown.
        public var facts: [String: String]
        /// The ids of its samples, in table order.
        public var sampleIDs: [String]
        /// The deepest rank its taxa are named at, if any.
        public var deepestRank: Rank?

        /// How many samples it holds.
        public var sampleCount: Int { sampleIDs.count }
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
    /// Placeholder rows ("unclassified <parent>") holding the mass not named at the analysed rank.
    public var unresolvedTaxa: Int
    /// The mean share of a sample that sits in those placeholders.
    public var unresolvedShare: Double
    /// Plain-language notes, in order.
    public var notes: [String]

    /// Whether samples come from more than one source.
    public var isMixed: Bool { groups.count > 1 }

    /// Groups the samples of `table` by their source facts.
    static func groups(of table: ProfileTable) -> [SourceGroup] {
        let sources = table.samples.indices.map { table.source(ofSample: $0).filter(comparedKeys.contains).byName }
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
            return SourceGroup(facts: facts, sampleIDs: samples.map { table.samples[$0].id },
                               deepestRank: deepest >= 0 ? Rank.ordered[deepest] : nil)
        }.sorted { $0.sampleCount > $1.sampleCount }
    }

    /// The source facts that decide whether two samples are comparable (the file a sample was
    /// read from does not: one lab's cohort may come in many files).
    static let comparedKeys: [SourceKey] = [.lab, .vendor, .assay, .pipeline, .pipelineVersion, .database, .databaseVersion,
                                            .taxonomySystem]

    /// A group's facts as one readable phrase.
    static func describe(_ facts: [String: String]) -> String {
        guard !facts.isEmpty else { return "source not stated" }
        return comparedKeys.compactMap { key in facts[key.rawValue].map { "\(key.rawValue) \($0)" } }.joined(separator: ", ")
    }
}
