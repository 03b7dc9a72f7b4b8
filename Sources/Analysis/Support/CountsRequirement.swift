import ProfileModel

/// The check that a table holds genuine integer counts, shared by every estimator that uses
/// singletons and doubletons (Chao1, Good's coverage) and by rarefaction.
enum CountsRequirement {
    static func check(_ table: ProfileTable, for what: String) throws(AnalysisError) {
        guard case .counts = table.unit else {
            throw .countsRequired(metric: what, unit: table.unit,
                                  hint: "singleton-based estimators need read counts; use a table of counts or drop \(what)")
        }
        if let value = table.abundances.values.first(where: { $0 != $0.rounded() }) {
            throw .countsRequired(metric: what, unit: table.unit,
                                  hint: "the table says counts but holds the non-integer value \(value)")
        }
    }
}
