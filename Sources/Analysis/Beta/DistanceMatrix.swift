/// A symmetric, hollow matrix of distances between samples, stored in full (n × n doubles).
public struct DistanceMatrix: Sendable, Equatable {
    /// Sample ids in row and column order.
    public let ids: [String]
    /// Row-major values, `values[i * n + j]`; the diagonal is zero.
    public let values: [Double]

    public init(ids: [String], values: [Double]) {
        precondition(values.count == ids.count * ids.count, "a distance matrix needs n × n values")
        self.ids = ids
        self.values = values
    }

    /// The number of samples.
    public var count: Int { ids.count }

    /// The distance between samples `i` and `j`.
    public subscript(i: Int, j: Int) -> Double { values[i * ids.count + j] }

    /// The pairs (i < j) whose distance is undefined (NaN), such as two empty samples under Bray–Curtis.
    public var undefinedPairs: [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for i in 0..<count { for j in (i + 1)..<count where self[i, j].isNaN { pairs.append((i, j)) } }
        return pairs
    }
}
