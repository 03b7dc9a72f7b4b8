/// A samples × taxa matrix compressed by sample (CSR): for each sample, its non-zero
/// entries as ascending taxon indices with their values.
///
/// Memory and every traversal cost grow with the number of non-zeros, not samples × taxa.
public struct SparseAbundances: Sendable, Hashable {
    /// `rowStarts[s] ..< rowStarts[s + 1]` indexes sample `s`'s entries; `count == sampleCount + 1`.
    public let rowStarts: [Int]
    /// Taxon index of each entry, ascending within a sample.
    public let taxonIndices: [Int32]
    /// Value of each entry; finite and strictly positive.
    public let values: [Double]

    init(rowStarts: [Int], taxonIndices: [Int32], values: [Double]) {
        self.rowStarts = rowStarts
        self.taxonIndices = taxonIndices
        self.values = values
    }

    /// The number of samples.
    public var sampleCount: Int { rowStarts.count - 1 }

    /// The number of stored (non-zero) entries.
    public var nonZeroCount: Int { values.count }

    /// The entry range of sample `sample`.
    public func range(ofSample sample: Int) -> Range<Int> { rowStarts[sample]..<rowStarts[sample + 1] }

    /// Sample `sample`'s entries as `(taxon, value)` pairs in ascending taxon order.
    public func entries(ofSample sample: Int) -> some Sequence<(taxon: Int, value: Double)> {
        range(ofSample: sample).lazy.map { (taxon: Int(taxonIndices[$0]), value: values[$0]) }
    }

    /// The value at (`sample`, `taxon`), zero when not stored (binary search).
    public func value(sample: Int, taxon: Int) -> Double {
        let range = range(ofSample: sample)
        var low = range.lowerBound, high = range.upperBound
        let target = Int32(taxon)
        while low < high {
            let mid = (low + high) / 2
            if taxonIndices[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < range.upperBound && taxonIndices[low] == target ? values[low] : 0
    }

    /// The same matrix with every value transformed; values that become zero are dropped.
    public func mapValues(_ transform: (Int, Double) -> Double) -> SparseAbundances {
        mapEntries { sample, taxon, value in
            let mapped = transform(sample, value)
            return mapped == 0 ? nil : (taxon, mapped)
        }
    }

    /// The matrix without the taxa whose `keep` flag is false, the others renumbered in order
    /// (one pass, no sorting).
    func keepingTaxa(_ keep: [Bool]) -> SparseAbundances {
        var newIndex = [Int32](repeating: -1, count: keep.count)
        var next: Int32 = 0
        for (taxon, kept) in keep.enumerated() where kept {
            newIndex[taxon] = next
            next += 1
        }
        return mapEntries { _, taxon, value in
            let target = newIndex[Int(taxon)]
            return target < 0 ? nil : (target, value)
        }
    }

    /// Rebuilds the matrix entry by entry in the same order: `transform(sample, taxon, value)`
    /// gives the entry's new taxon index and value, or `nil` to drop it. New indices must stay
    /// ascending within a sample.
    private func mapEntries(_ transform: (Int, Int32, Double) -> (Int32, Double)?) -> SparseAbundances {
        var starts = [0]
        starts.reserveCapacity(rowStarts.count)
        var indices: [Int32] = []
        var newValues: [Double] = []
        indices.reserveCapacity(taxonIndices.count)
        newValues.reserveCapacity(values.count)
        for sample in 0..<sampleCount {
            for entry in range(ofSample: sample) {
                guard let (taxon, value) = transform(sample, taxonIndices[entry], values[entry]) else { continue }
                indices.append(taxon)
                newValues.append(value)
            }
            starts.append(indices.count)
        }
        return SparseAbundances(rowStarts: starts, taxonIndices: indices, values: newValues)
    }
}
