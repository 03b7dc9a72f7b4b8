/// Assembles a new sample-major sparse matrix one sample row at a time from
/// `(taxon, value)` contributions in any order; contributions to the same taxon are summed.
///
/// Each row costs O(k log k) for its k distinct taxa (a sort only when they arrived out of
/// order); the scratch space is one slot per target taxon, reused across rows.
struct SparseAssembler {
    private var scratch: [Double]
    private var isTouched: [Bool]
    private var touched: [Int32] = []
    private var touchedInOrder = true
    private var rowStarts: [Int] = [0]
    private var taxonIndices: [Int32] = []
    private var values: [Double] = []

    init(taxonCount: Int, expectedEntries: Int) {
        scratch = [Double](repeating: 0, count: taxonCount)
        isTouched = [Bool](repeating: false, count: taxonCount)
        taxonIndices.reserveCapacity(expectedEntries)
        values.reserveCapacity(expectedEntries)
    }

    /// Adds `value` to `taxon` in the current row.
    mutating func add(_ value: Double, to taxon: Int) {
        if isTouched[taxon] {
            scratch[taxon] += value
        } else {
            isTouched[taxon] = true
            scratch[taxon] = value
            if let last = touched.last, last > Int32(taxon) { touchedInOrder = false }
            touched.append(Int32(taxon))
        }
    }

    /// Closes the current row; returns the taxon of a non-finite sum, if one arose.
    mutating func endRow() -> Int? {
        if !touchedInOrder { touched.sort() }
        var nonFinite: Int?
        for taxon in touched {
            let value = scratch[Int(taxon)]
            isTouched[Int(taxon)] = false
            if !value.isFinite { nonFinite = nonFinite ?? Int(taxon) }
            guard value > 0 else { continue }
            taxonIndices.append(taxon)
            values.append(value)
        }
        touched.removeAll(keepingCapacity: true)
        touchedInOrder = true
        rowStarts.append(values.count)
        return nonFinite
    }

    /// The matrix of the rows closed so far.
    consuming func finish() -> SparseAbundances {
        SparseAbundances(rowStarts: rowStarts, taxonIndices: taxonIndices, values: values)
    }
}
