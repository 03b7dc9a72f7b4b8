import ProfileModel

/// A beta-diversity (between-sample) distance the engine offers.
public enum BetaMetric: String, Sendable, CaseIterable {
    /// Bray–Curtis dissimilarity on the values as given.
    case braycurtis
    /// Jaccard distance on presence/absence, as scikit-bio computes it.
    case jaccard
    /// Aitchison distance: Euclidean distance between CLR-transformed samples.
    case aitchison

    /// A readable name.
    public var name: String {
        switch self {
        case .braycurtis: "Bray–Curtis dissimilarity"
        case .jaccard: "Jaccard distance (presence/absence)"
        case .aitchison: "Aitchison distance"
        }
    }

    /// The formula, with x and y two samples' values over all taxa.
    public var formula: String {
        switch self {
        case .braycurtis: "Σ|xᵢ − yᵢ| / Σ(xᵢ + yᵢ) = 1 − 2 Σ min(xᵢ, yᵢ) / (Σxᵢ + Σyᵢ)"
        case .jaccard: "1 − |X ∩ Y| / |X ∪ Y| over the sets of present taxa"
        case .aitchison: "‖clr(x + c) − clr(y + c)‖₂, clr(z)ᵢ = ln zᵢ − (1/D) Σ ln zⱼ"
        }
    }

    /// The publication that defined the metric.
    public var citation: String {
        switch self {
        case .braycurtis: "Bray & Curtis 1957, Ecol Monogr 27:325–349"
        case .jaccard: "Jaccard 1912, New Phytol 11:37–50"
        case .aitchison: "Aitchison 1986, The Statistical Analysis of Compositional Data; Aitchison et al. 2000, Math Geol 32:271–275"
        }
    }

    /// Parses a metric id; the error lists the known ones.
    public init(id: String) throws(AnalysisError) {
        guard let metric = BetaMetric(rawValue: id) else {
            throw .unknownMetric(kind: "beta", id: id, known: BetaMetric.allCases.map(\.rawValue))
        }
        self = metric
    }

    /// The distances between every pair of samples of a leaves table (see ``AnalysisTable``).
    /// `pseudocount` is used by Aitchison only; see ``CenteredLogRatio``.
    public func distances(_ table: ProfileTable, pseudocount: Double? = nil) throws(AnalysisError) -> DistanceMatrix {
        switch self {
        case .braycurtis: BrayCurtis.distances(table)
        case .jaccard: Jaccard.distances(table)
        case .aitchison: try Aitchison.distances(table, clr: CenteredLogRatio(for: table, pseudocount: pseudocount))
        }
    }
}
