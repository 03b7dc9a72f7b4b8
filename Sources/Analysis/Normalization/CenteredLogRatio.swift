import Foundation
import ProfileModel

/// The centred log-ratio transform with a pseudocount, kept sparse.
///
/// clr(x)ᵢ = ln(xᵢ + c) − (1/D) Σⱼ ln(xⱼ + c) over all D taxa of the table (taxa absent from every
/// sample included). The pseudocount c is added to the values as given, as vegan's
/// `decostand(x, "clr", pseudocount = c)` does; scikit-bio's `clr` takes no pseudocount and
/// refuses zeros, so comparing with it means `clr(x + c)`.
///
/// Default c: 1 for counts; for other units half the smallest non-zero value in the table (a
/// value below every observation, so the order of abundances is kept).
///
/// Stored sparsely: with uᵢ = ln(xᵢ + c) − ln c, which is zero where xᵢ = 0,
/// clr(x)ᵢ = uᵢ − ū with ū = (1/D) Σ uⱼ, so only the non-zeros and one mean per sample are kept.
public struct CenteredLogRatio: Sendable {
    /// The pseudocount c.
    public let pseudocount: Double
    /// The number of taxa D.
    public let taxonCount: Int
    /// uᵢ for each stored entry, aligned with the table's sparse entries.
    let shiftedLogs: [Double]
    /// ū per sample.
    let means: [Double]
    /// The table's sample-major layout (rows and taxon indices).
    let rowStarts: [Int]
    let taxonIndices: [Int32]

    /// The transform of `table`; `pseudocount` overrides the default and must be positive.
    public init(for table: ProfileTable, pseudocount: Double? = nil) throws(AnalysisError) {
        let chosen = pseudocount ?? Self.defaultPseudocount(for: table)
        guard chosen > 0, chosen.isFinite else {
            throw .invalidParameter(name: "pseudocount", reason: "must be a positive number, got \(chosen)")
        }
        let abundances = table.abundances
        let logOfPseudocount = log(chosen)
        let shifted = abundances.values.map { log($0 + chosen) - logOfPseudocount }
        let taxa = max(table.taxa.count, 1)
        self.pseudocount = chosen
        taxonCount = table.taxa.count
        shiftedLogs = shifted
        means = (0..<abundances.sampleCount).map { sample in
            shifted[abundances.range(ofSample: sample)].reduce(0, +) / Double(taxa)
        }
        rowStarts = abundances.rowStarts
        taxonIndices = abundances.taxonIndices
    }

    /// c = 1 for counts, else half the smallest non-zero value.
    public static func defaultPseudocount(for table: ProfileTable) -> Double {
        if case .counts = table.unit { return 1 }
        return (table.abundances.values.min() ?? 2) / 2
    }

    /// Sample `sample`'s transformed values over all D taxa (dense; for output and tests).
    public func values(ofSample sample: Int) -> [Double] {
        var dense = [Double](repeating: -means[sample], count: taxonCount)
        for entry in rowStarts[sample]..<rowStarts[sample + 1] {
            dense[Int(taxonIndices[entry])] = shiftedLogs[entry] - means[sample]
        }
        return dense
    }
}
