import ProfileModel

/// Rarefaction: each sample subsampled to the same depth without replacement, from a seed.
///
/// Like `skbio.stats.subsample_counts(counts, n, replace=False)` and vegan's `rrarefy`, it needs
/// integer counts. Samples with fewer reads than the depth cannot be rarefied: they are left
/// out of the result and listed (vegan keeps them unrarefied with a warning, scikit-bio raises;
/// leaving them out keeps every sample of the result at one depth). Each sample draws from its
/// own generator seeded by the seed and its position, so the result does not depend on threads.
public struct Rarefaction: Sendable {
    /// The number of reads kept per sample.
    public let depth: Int
    /// The seed.
    public let seed: UInt64

    public init(depth: Int, seed: UInt64) throws(AnalysisError) {
        guard depth > 0 else { throw .invalidParameter(name: "depth", reason: "must be positive, got \(depth)") }
        self.depth = depth
        self.seed = seed
    }

    /// The rarefied table and the ids of the samples left out for having fewer reads than the depth.
    public func apply(to table: ProfileTable) throws(AnalysisError) -> (table: ProfileTable, dropped: [String]) {
        try CountsRequirement.check(table, for: "rarefaction")
        let abundances = table.abundances
        var keep: [Int] = []
        var dropped: [String] = []
        for sample in 0..<abundances.sampleCount {
            if abundances.values[abundances.range(ofSample: sample)].total >= Double(depth) {
                keep.append(sample)
            } else {
                dropped.append(table.samples[sample].id)
            }
        }
        let rows = keep.map { draw(abundances, sample: $0) }
        let rarefied = try TableRebuild.build(
            from: table, unit: .counts, structure: table.structure, samples: keep.map { table.samples[$0] },
            taxa: table.taxa, rows: rows,
            step: ProvenanceStep(action: .custom("rarefy"), parameters: [
                "depth": String(depth), "seed": String(seed), "dropped-samples": String(dropped.count),
            ]))
        return (rarefied, dropped)
    }

    /// One sample's subsample: a partial Fisher–Yates shuffle of its reads, `depth` draws.
    private func draw(_ abundances: SparseAbundances, sample: Int) -> [(taxon: Int, value: Double)] {
        let range = abundances.range(ofSample: sample)
        var reads: [Int32] = []
        for entry in range {
            reads.append(contentsOf: repeatElement(Int32(entry - range.lowerBound), count: Int(abundances.values[entry])))
        }
        var generator = SeededGenerator(seed: seed ^ (UInt64(sample) &* 0xD6E8_FEB8_6659_FD93))
        var counts = [Int](repeating: 0, count: range.count)
        for position in 0..<depth {
            let pick = Int.random(in: position..<reads.count, using: &generator)
            reads.swapAt(position, pick)
            counts[Int(reads[position])] += 1
        }
        return counts.enumerated().compactMap { offset, count in
            count > 0 ? (taxon: Int(abundances.taxonIndices[range.lowerBound + offset]), value: Double(count)) : nil
        }
    }
}
