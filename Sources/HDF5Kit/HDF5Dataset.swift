import CHDF5

/// An open HDF5 dataset: its extent, its element kind, and typed reads of all its elements.
public final class HDF5Dataset: HDF5Object {
    /// The extent: `[]` for a scalar, `[n]` for a vector, `[n, k]` for a matrix.
    public let shape: [Int]
    /// The kind of element stored.
    public let kind: HDF5ElementKind

    init(opened id: hid_t, path: String) throws(HDF5Error) {
        let probe: HDF5Reader
        do { probe = try HDF5Dataset.reader(id: id, path: path) } catch {
            HDF5Library.locked { _ = H5Oclose(id) }
            throw error
        }
        shape = probe.shape
        kind = probe.kind
        super.init(id: id, path: path)
    }

    /// The number of elements.
    public var count: Int { shape.reduce(1, *) }

    /// Reads every element in the kind the dataset stores (integers as `int64`, floats as `float64`).
    public func read(maxElements: Int = HDF5Limits.defaultMaxElements) throws(HDF5Error) -> HDF5Array {
        try HDF5Library.locked { () throws(HDF5Error) -> HDF5Array in
            try HDF5Dataset.reader(id: id, path: path).readAll(maxElements: maxElements)
        }
    }

    /// Reads integer elements as 32-bit integers (values outside the range are clipped by HDF5).
    public func readInt32s(maxElements: Int = HDF5Limits.defaultMaxElements) throws(HDF5Error) -> [Int32] {
        try readNumbers(mhub_H5T_NATIVE_INT32(), allowFloat: false, maxElements: maxElements)
    }

    /// Reads integer elements as 64-bit integers.
    public func readInt64s(maxElements: Int = HDF5Limits.defaultMaxElements) throws(HDF5Error) -> [Int64] {
        try readNumbers(mhub_H5T_NATIVE_INT64(), allowFloat: false, maxElements: maxElements)
    }

    /// Reads integer or floating-point elements as doubles.
    public func readDoubles(maxElements: Int = HDF5Limits.defaultMaxElements) throws(HDF5Error) -> [Double] {
        try readNumbers(mhub_H5T_NATIVE_DOUBLE(), allowFloat: true, maxElements: maxElements)
    }

    /// Reads string elements, variable- or fixed-length.
    public func readStrings(maxElements: Int = HDF5Limits.defaultMaxElements) throws(HDF5Error) -> [String] {
        try HDF5Library.locked { () throws(HDF5Error) -> [String] in
            try HDF5Dataset.reader(id: id, path: path).readStrings(maxElements: maxElements)
        }
    }

    private func readNumbers<T: Numeric>(_ memoryType: hid_t, allowFloat: Bool,
                                         maxElements: Int) throws(HDF5Error) -> [T] {
        try HDF5Library.locked { () throws(HDF5Error) -> [T] in
            let reader = try HDF5Dataset.reader(id: id, path: path)
            guard reader.kind == .integer || (allowFloat && reader.kind == .float) else {
                throw .wrongKind(path: path, expected: allowFloat ? "numeric" : "integer", found: reader.kind.description)
            }
            return try reader.readNumbers(memoryType, maxElements: maxElements)
        }
    }

    private static func reader(id: hid_t, path: String) throws(HDF5Error) -> HDF5Reader {
        try HDF5Library.locked { () throws(HDF5Error) -> HDF5Reader in
            try HDF5Reader(path: path, type: H5Dget_type(id), space: H5Dget_space(id),
                           storedBytes: Int(clamping: H5Dget_storage_size(id))) { memoryType, buffer in
                H5Dread(id, memoryType, mhub_H5S_ALL(), mhub_H5S_ALL(), mhub_H5P_DEFAULT(), buffer)
            }
        }
    }
}
