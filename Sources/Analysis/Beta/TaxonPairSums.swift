import ProfileModel

/// How two samples' values of one shared taxon contribute to their pair sum.
protocol PairContribution {
    static func contribution(_ first: Double, _ second: Double) -> Double
}

/// Σ min(xᵢ, yᵢ) over shared taxa: the overlap that Bray–Curtis needs.
enum SharedMinimum: PairContribution {
    @inline(__always) static func contribution(_ first: Double, _ second: Double) -> Double { min(first, second) }
}

/// The number of shared taxa: the intersection that Jaccard needs.
enum SharedPresence: PairContribution {
    @inline(__always) static func contribution(_ first: Double, _ second: Double) -> Double { 1 }
}

/// Pair sums over shared taxa for every pair of samples, from one pass per taxon over the
/// samples that contain it, never comparing rows that share nothing.
///
/// The cost is Σₜ kₜ² over taxa (kₜ samples contain taxon t), and memory is the taxon-major copy
/// of the non-zeros plus the n × n output. Rows are split into blocks that run on every core;
/// each block writes only its own rows, so no locking is needed.
enum TaxonPairSums {
    /// An n × n row-major buffer whose upper triangle (i < j) holds Σ contribution(xᵢ, xⱼ)
    /// over the taxa both samples contain; the rest is zero.
    static func upperTriangle<Contribution: PairContribution>(
        _ entries: TaxonMajorEntries, sampleCount n: Int, _: Contribution.Type
    ) -> [Double] {
        var sums = [Double](repeating: 0, count: n * n)
        let blockSize = max(1, n / ParallelRows.pieceCount(items: n, minimum: 8))
        let blocks = (n + blockSize - 1) / blockSize
        sums.withUnsafeMutableBufferPointer { buffer in
            let output = DisjointWrites(buffer)
            ParallelRows.run(blocks) { block in
                let firstRow = Int32(block * blockSize), endRow = Int32(min(n, (block + 1) * blockSize))
                entries.samples.withUnsafeBufferPointer { samples in
                    entries.values.withUnsafeBufferPointer { values in
                        for taxon in 0..<(entries.starts.count - 1) {
                            let end = entries.starts[taxon + 1]
                            var entry = Self.firstEntry(atLeast: firstRow, in: samples,
                                                        from: entries.starts[taxon], to: end)
                            while entry < end, samples[entry] < endRow {
                                let row = Int(samples[entry]) * n
                                let value = values[entry]
                                for other in (entry + 1)..<end {
                                    output[row + Int(samples[other])] += Contribution.contribution(value, values[other])
                                }
                                entry += 1
                            }
                        }
                    }
                }
            }
        }
        return sums
    }

    /// The first entry in `low..<high` whose sample is at least `sample` (binary search).
    private static func firstEntry(atLeast sample: Int32, in samples: UnsafeBufferPointer<Int32>,
                                   from low: Int, to high: Int) -> Int {
        var low = low, high = high
        while low < high {
            let middle = (low + high) / 2
            if samples[middle] < sample { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
