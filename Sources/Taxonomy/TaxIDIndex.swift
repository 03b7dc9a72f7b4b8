/// Finds the node of a tax id: a dense table when ids are compact (as NCBI's are), a
/// dictionary when they are scattered (as in the small test dumps whose ids run to 10⁹).
struct TaxIDIndex: Sendable {
    private let dense: [Int32]
    private let sparse: [Int32: Int32]

    init(ids: [Int32]) {
        let largest = Int(ids.max() ?? 0)
        if largest <= ids.count * 8 + 1_000_000 {
            var dense = [Int32](repeating: -1, count: largest + 1)
            for (node, id) in ids.enumerated() where id >= 0 { dense[Int(id)] = Int32(node) }
            self.dense = dense
            sparse = [:]
        } else {
            dense = []
            var sparse: [Int32: Int32] = [:]
            sparse.reserveCapacity(ids.count)
            for (node, id) in ids.enumerated() { sparse[id] = Int32(node) }
            self.sparse = sparse
        }
    }

    /// The node index of `id`, or `nil` when no node has it.
    @inline(__always)
    func node(of id: Int) -> Int? {
        if !dense.isEmpty {
            guard id >= 0, id < dense.count else { return nil }
            let node = dense[id]
            return node >= 0 ? Int(node) : nil
        }
        guard let id = Int32(exactly: id) else { return nil }
        return sparse[id].map(Int.init)
    }
}
