/// The alpha metrics the engine offers, listed explicitly, in the default output order.
public enum AlphaCatalogue {
    /// Every metric with its default parameters (Shannon in natural logarithms).
    public static let all: [any AlphaMetric] = [
        ObservedFeatures(), Shannon(), Simpson(), InverseSimpson(), PielouEvenness(), BergerParker(),
        Chao1(), GoodsCoverage(),
    ]

    /// The metrics that need only proportions or presence, valid on any unit.
    public static var compositional: [any AlphaMetric] { all.filter { !$0.needsCounts } }

    /// The metrics named by scikit-bio ids, in the order given; Shannon uses `shannonBase`.
    public static func metrics(ids: [String], shannonBase: LogBase = .e) throws(AnalysisError) -> [any AlphaMetric] {
        try ids.map { id throws(AnalysisError) -> any AlphaMetric in
            if id == "shannon" { return Shannon(base: shannonBase) }
            guard let metric = all.first(where: { $0.id == id }) else {
                throw .unknownMetric(kind: "alpha", id: id, known: all.map(\.id))
            }
            return metric
        }
    }
}
