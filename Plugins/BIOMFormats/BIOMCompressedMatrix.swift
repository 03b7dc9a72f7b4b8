import FormatKit
import HDF5Kit

/// One compressed-sparse copy of a BIOM 2.1 matrix (`/sample/matrix`, compressed by sample, or
/// `/observation/matrix`, compressed by observation), read and checked in full before any of
/// its entries is used, so a hostile file ends in a typed error and never in an index trap.
///
/// Checked: `indptr` has one offset per major item plus one, starts at 0, never decreases and
/// ends at the number of stored entries; `indices` and `data` are vectors of that same length;
/// every index lies inside the other axis.
struct BIOMCompressedMatrix {
    /// Where each major item's entries start in ``indices`` and ``values``; `majorCount + 1` offsets.
    let offsets: [Int]
    /// The minor-axis index of each entry, each inside `0..<minorCount`.
    let indices: [Int32]
    /// The value of each entry, when asked for.
    let values: [Double]
    /// The path of the `data` dataset, for the locations of later errors.
    let dataPath: String

    /// The number of stored entries.
    var entryCount: Int { indices.count }

    /// The entries of major item `item` (a range into ``indices`` and ``values``).
    func entries(of item: Int) -> Range<Int> { offsets[item]..<offsets[item + 1] }

    /// Reads `group` (`sample/matrix` or `observation/matrix`) below `root` and checks it
    /// against `majorCount` items along its axis and `minorCount` along the other; `readsValues`
    /// reads `data` too (only its length is checked otherwise).
    static func read(_ root: HDF5Group, group: String, majorCount: Int, minorCount: Int, readsValues: Bool,
                     input: ImportInput) throws -> BIOMCompressedMatrix {
        let indptrSet = try root.dataset("\(group)/indptr")
        let indicesSet = try root.dataset("\(group)/indices")
        let dataSet = try root.dataset("\(group)/data")
        func mismatch(_ path: String, _ reason: String) -> ImportError {
            .shapeMismatch(input.location(path: path), reason: reason)
        }
        guard indptrSet.shape == [majorCount + 1] else {
            throw mismatch(indptrSet.path, "\(indptrSet.shape) offsets where \(majorCount) items need [\(majorCount + 1)]")
        }
        guard indicesSet.shape.count == 1, dataSet.shape == indicesSet.shape else {
            throw mismatch(indicesSet.path, "indices of shape \(indicesSet.shape) and data of shape \(dataSet.shape) must be vectors of one length")
        }
        let entryCount = indicesSet.count
        let stored = try indptrSet.readInt64s()
        var offsets = [Int]()
        offsets.reserveCapacity(stored.count)
        var previous: Int64 = 0
        for (position, offset) in stored.enumerated() {
            if position == 0, offset != 0 {
                throw mismatch("\(indptrSet.path)[0]", "offsets must start at 0, not \(offset)")
            }
            guard offset >= previous else {
                throw mismatch("\(indptrSet.path)[\(position)]", "offsets decrease from \(previous) to \(offset)")
            }
            guard offset <= Int64(entryCount) else {
                throw mismatch("\(indptrSet.path)[\(position)]", "offset \(offset) is past the \(entryCount) stored entries")
            }
            offsets.append(Int(offset))
            previous = offset
        }
        guard offsets.last == entryCount else {
            throw mismatch("\(indptrSet.path)[\(majorCount)]",
                           "offsets end at \(offsets.last ?? 0), but \(entryCount) entries are stored")
        }
        let indices = try indicesSet.readInt32s()
        if let bad = indices.firstIndex(where: { $0 < 0 || Int($0) >= minorCount }) {
            throw mismatch("\(indicesSet.path)[\(bad)]", "index \(indices[bad]) is outside 0..<\(minorCount)")
        }
        let values = readsValues ? try dataSet.readDoubles() : []
        return BIOMCompressedMatrix(offsets: offsets, indices: indices, values: values, dataPath: dataSet.path)
    }
}
