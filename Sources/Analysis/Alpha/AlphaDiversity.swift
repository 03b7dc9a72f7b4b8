import ProfileModel

/// Alpha diversity of every sample of a table, for a list of metrics.
public struct AlphaDiversity: Sendable {
    /// The sample ids, in table order.
    public let sampleIDs: [String]
    /// The metric ids, in column order.
    public let metricIDs: [String]
    /// `values[sample * metricIDs.count + metric]`.
    public let values: [Double]

    /// Computes `metrics` for every sample of a leaves table (see ``AnalysisTable``), on every core.
    /// Throws when a counts-only metric meets a table that is not integer counts.
    public init(_ table: ProfileTable, metrics: [any AlphaMetric]) throws(AnalysisError) {
        if let metric = metrics.first(where: \.needsCounts) {
            try CountsRequirement.check(table, for: metric.id)
        }
        let sampleCount = table.samples.count
        let metricCount = metrics.count
        var values = [Double](repeating: 0, count: sampleCount * metricCount)
        let abundances = table.abundances
        values.withUnsafeMutableBufferPointer { buffer in
            let output = DisjointWrites(buffer)
            let pieces = ParallelRows.pieceCount(items: sampleCount, minimum: 64)
            ParallelRows.run(pieces) { piece in
                for sample in stride(from: piece, to: sampleCount, by: pieces) {
                    let row = abundances.values[abundances.range(ofSample: sample)]
                    for (column, metric) in metrics.enumerated() {
                        output[sample * metricCount + column] = metric.value(of: row)
                    }
                }
            }
        }
        self.sampleIDs = table.samples.map(\.id)
        self.metricIDs = metrics.map(\.id)
        self.values = values
    }

    /// The value of metric column `metric` for sample `sample`.
    public func value(sample: Int, metric: Int) -> Double { values[sample * metricIDs.count + metric] }

    /// One metric's values over all samples.
    public func column(_ metric: Int) -> [Double] {
        (0..<sampleIDs.count).map { value(sample: $0, metric: metric) }
    }
}
