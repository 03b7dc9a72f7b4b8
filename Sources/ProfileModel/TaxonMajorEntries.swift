/// The non-zero entries of a table regrouped by taxon (a transpose of the sparse matrix),
/// for writers that print one row per taxon. Costs 12 bytes per non-zero entry.
public struct TaxonMajorEntries: Sendable {
    /// `starts[t] ..< starts[t + 1]` indexes taxon `t`'s entries.
    public let starts: [Int]
    /// Sample index of each entry, ascending within a taxon.
    public let samples: [Int32]
    public let values: [Double]

    public init(_ table: ProfileTable) {
        let abundances = table.abundances
        var starts = [Int](repeating: 0, count: table.taxa.count + 1)
        for taxon in abundances.taxonIndices { starts[Int(taxon) + 1] += 1 }
        for index in 0..<table.taxa.count { starts[index + 1] += starts[index] }
        var cursor = starts
        var samples = [Int32](repeating: 0, count: abundances.nonZeroCount)
        var values = [Double](repeating: 0, count: abundances.nonZeroCount)
        for sample in 0..<abundances.sampleCount {
            for entry in abundances.range(ofSample: sample) {
                let taxon = Int(abundances.taxonIndices[entry])
                samples[cursor[taxon]] = Int32(sample)
                values[cursor[taxon]] = abundances.values[entry]
                cursor[taxon] += 1
            }
        }
        self.starts = starts
        self.samples = samples
        self.values = values
    }
}
