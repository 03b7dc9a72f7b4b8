/// The mass of each clade row of a clade-cumulative table that no child row in the table
/// accounts for ("assigned to genus X but to no species of it"): the row's value minus the
/// sum of its children's. Shared by ``ProfileTable/toLeaves(tolerance:)`` and
/// ``ProfileTable/collapsed(to:)``.
struct CladeResiduals {
    let tree: CladeTree
    let isInternal: [Bool]
    private let totals: [Double]
    private let isCounts: Bool
    private let tolerance: Double
    private var childSum: [Double]

    init(_ table: ProfileTable, tolerance: Double) {
        tree = CladeTree(taxa: table.taxa)
        isInternal = tree.hasChildren
        totals = table.sampleTotals(tree: table.structure == .cladeCumulative ? tree : nil)
        isCounts = table.unit == .counts
        self.tolerance = tolerance
        childSum = [Double](repeating: 0, count: table.taxa.count)
    }

    /// Calls `body(taxon, residual)` for every row of `sample` with children whose residual is
    /// above rounding noise (any positive residual for counts; `tolerance` × the sample total
    /// otherwise), in taxon order. Children that exceed their parent by more than the noise
    /// are reported as `abundance.children-exceed-parent`.
    mutating func forEachResidual(of table: ProfileTable, sample: Int, diagnostics: inout [Diagnostic],
                                  _ body: (Int, Double) -> Void) {
        let entries = table.abundances.range(ofSample: sample)
        for entry in entries {
            if let parent = tree.parents[Int(table.abundances.taxonIndices[entry])] {
                childSum[parent] += table.abundances.values[entry]
            }
        }
        let noise = isCounts ? 0 : tolerance * totals[sample]
        for entry in entries {
            let taxon = Int(table.abundances.taxonIndices[entry])
            guard isInternal[taxon] else { continue }
            let value = table.abundances.values[entry]
            let residual = value - childSum[taxon]
            if residual > noise {
                body(taxon, residual)
            } else if residual < -max(noise, 1e-9 * totals[sample]) {
                diagnostics.append(Diagnostic(
                    .childrenExceedParent,
                    message: "children sum to \(NumberFormatting.shortest(childSum[taxon])), more than the clade's \(NumberFormatting.shortest(value))",
                    sample: table.samples[sample].id, taxon: table.taxa[taxon].id))
            }
        }
        for entry in entries {
            if let parent = tree.parents[Int(table.abundances.taxonIndices[entry])] { childSum[parent] = 0 }
        }
    }
}
