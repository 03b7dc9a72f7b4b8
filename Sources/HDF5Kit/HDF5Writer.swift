import CHDF5

/// How a dataset is stored: chunked and deflate-compressed, or contiguous.
public struct HDF5Compression: Sendable, Hashable {
    /// The deflate (gzip) level, 1–9.
    public var level: Int
    /// Whether to byte-shuffle numeric chunks before deflating (smaller files for sparse indices).
    public var shuffle: Bool
    /// The target size of one chunk in bytes.
    public var chunkBytes: Int

    public init(level: Int = 4, shuffle: Bool = true, chunkBytes: Int = 1 << 18) {
        self.level = level
        self.shuffle = shuffle
        self.chunkBytes = chunkBytes
    }
}

/// Turns an ``HDF5Array`` into file and memory types, a dataspace and a buffer, and writes
/// it through a caller's create/write pair (dataset or attribute). Callers hold the library lock.
enum HDF5Writer {
    /// Creates the object with `create(fileType, space)`, writes the array with
    /// `write(object, fileType, memoryType, buffer)` and returns the open object's id.
    static func write(_ array: HDF5Array, path: String,
                      create: (_ fileType: hid_t, _ space: hid_t) -> hid_t,
                      write: (_ object: hid_t, _ fileType: hid_t, _ memoryType: hid_t, _ buffer: UnsafeRawPointer?) -> herr_t)
        throws(HDF5Error) -> hid_t {
        let space = try dataspace(for: array.shape, path: path)
        defer { H5Sclose(space) }
        let (fileType, memoryType) = try types(for: array.values, path: path)
        defer {
            H5Tclose(fileType)
            H5Tclose(memoryType)
        }
        let object = create(fileType, space)
        guard object >= 0 else { throw .writeFailed(path: path) }
        let status: herr_t = try withBuffer(of: array.values, path: path) { buffer in
            array.values.count == 0 ? 0 : write(object, fileType, memoryType, buffer)
        }
        guard status >= 0 else {
            H5Idec_ref(object)
            throw .writeFailed(path: path)
        }
        return object
    }

    /// How `array` is chunked under `compression`; `nil` for arrays stored contiguously
    /// (no compression, empty arrays, scalars).
    static func chunkLayout(for array: HDF5Array, compression: HDF5Compression?) -> HDF5ChunkWriter.Layout? {
        guard let compression, !array.shape.isEmpty, array.values.count > 0 else { return nil }
        let rowWidth = max(1, array.shape.dropFirst().reduce(1, *))
        let elementBytes = elementBytes(of: array.values)
        let rows = max(1, min(array.shape[0], compression.chunkBytes / (rowWidth * elementBytes)))
        return HDF5ChunkWriter.Layout(chunkRows: rows, rowWidth: rowWidth, elementBytes: elementBytes,
                                      rank: array.shape.count)
    }

    /// Whether the array's chunks can be filtered by ``HDF5ChunkWriter``: fixed-size elements
    /// stored as they are in memory (strings hold pointers to heap data).
    static func canWriteChunksDirectly(_ array: HDF5Array, fileType: hid_t, memoryType: hid_t) -> Bool {
        !isString(array.values) && H5Tequal(fileType, memoryType) > 0
    }

    /// A dataset creation property list for `array`: chunked and deflated under `compression`
    /// (empty arrays and scalars cannot be chunked and stay contiguous), and without object
    /// timestamps, so that the same data always gives the same bytes. The caller closes it.
    static func datasetProperties(for array: HDF5Array, compression: HDF5Compression?,
                                  path: String) throws(HDF5Error) -> hid_t {
        let properties = try untimedProperties(mhub_H5P_DATASET_CREATE(), path: path)
        guard let compression, let layout = chunkLayout(for: array, compression: compression) else { return properties }
        var chunk = [hsize_t(layout.chunkRows)] + array.shape.dropFirst().map { hsize_t(max($0, 1)) }
        var failed = H5Pset_chunk(properties, Int32(chunk.count), &chunk) < 0
        if compression.shuffle, !isString(array.values) { failed = failed || H5Pset_shuffle(properties) < 0 }
        failed = failed || H5Pset_deflate(properties, UInt32(compression.level)) < 0
        if failed {
            H5Pclose(properties)
            throw .writeFailed(path: path)
        }
        return properties
    }

    /// A creation property list of `propertyClass` that records no object timestamps. The caller closes it.
    static func untimedProperties(_ propertyClass: hid_t, path: String) throws(HDF5Error) -> hid_t {
        let properties = H5Pcreate(propertyClass)
        guard properties >= 0 else { throw .writeFailed(path: path) }
        guard H5Pset_obj_track_times(properties, false) >= 0 else {
            H5Pclose(properties)
            throw .writeFailed(path: path)
        }
        return properties
    }

    /// h5py's boolean type: an enum over `base` with `FALSE` = 0 and `TRUE` = 1.
    static func booleanType(base: hid_t) -> hid_t {
        let type = H5Tenum_create(base)
        guard type >= 0 else { return type }
        var falseValue: Int8 = 0
        var trueValue: Int8 = 1
        guard H5Tenum_insert(type, "FALSE", &falseValue) >= 0, H5Tenum_insert(type, "TRUE", &trueValue) >= 0 else {
            H5Tclose(type)
            return -1
        }
        return type
    }

    private static func dataspace(for shape: [Int], path: String) throws(HDF5Error) -> hid_t {
        let space: hid_t
        if shape.isEmpty {
            space = H5Screate(H5S_SCALAR)
        } else {
            var dims = shape.map { hsize_t($0) }
            space = H5Screate_simple(Int32(dims.count), &dims, nil)
        }
        guard space >= 0 else { throw .writeFailed(path: path) }
        return space
    }

    /// The (file, memory) type pair for a kind of values; both are new ids the caller closes.
    private static func types(for values: HDF5Values, path: String) throws(HDF5Error) -> (hid_t, hid_t) {
        let pair: (hid_t, hid_t)
        switch values {
        case .int32: pair = (H5Tcopy(mhub_H5T_STD_I32LE()), H5Tcopy(mhub_H5T_NATIVE_INT32()))
        case .int64: pair = (H5Tcopy(mhub_H5T_STD_I64LE()), H5Tcopy(mhub_H5T_NATIVE_INT64()))
        case .float64: pair = (H5Tcopy(mhub_H5T_IEEE_F64LE()), H5Tcopy(mhub_H5T_NATIVE_DOUBLE()))
        case .strings: pair = (variableUTF8String(), variableUTF8String())
        case .booleans: pair = (booleanType(base: mhub_H5T_STD_I8LE()), booleanType(base: mhub_H5T_NATIVE_INT8()))
        }
        guard pair.0 >= 0, pair.1 >= 0 else {
            if pair.0 >= 0 { H5Tclose(pair.0) }
            if pair.1 >= 0 { H5Tclose(pair.1) }
            throw .writeFailed(path: path)
        }
        return pair
    }

    /// A variable-length, NUL-terminated UTF-8 string type, as h5py writes `str`.
    private static func variableUTF8String() -> hid_t {
        let type = H5Tcopy(mhub_H5T_C_S1())
        guard type >= 0 else { return type }
        guard H5Tset_size(type, mhub_H5T_VARIABLE()) >= 0, H5Tset_cset(type, H5T_CSET_UTF8) >= 0 else {
            H5Tclose(type)
            return -1
        }
        return type
    }

    /// Calls `body` with a pointer to the values laid out as the memory type expects:
    /// numbers as they are, booleans as bytes, strings as an array of C string pointers.
    private static func withBuffer(of values: HDF5Values, path: String,
                                   _ body: (UnsafeRawPointer?) -> herr_t) throws(HDF5Error) -> herr_t {
        switch values {
        case .int32(let numbers): return numbers.withUnsafeBytes { body($0.baseAddress) }
        case .int64(let numbers): return numbers.withUnsafeBytes { body($0.baseAddress) }
        case .float64(let numbers): return numbers.withUnsafeBytes { body($0.baseAddress) }
        case .booleans(let flags): return flags.map { Int8($0 ? 1 : 0) }.withUnsafeBytes { body($0.baseAddress) }
        case .strings(let strings):
            var storage: [CChar] = []
            var offsets: [Int] = []
            offsets.reserveCapacity(strings.count)
            for string in strings {
                offsets.append(storage.count)
                var string = string
                let hasNUL = string.withUTF8 { utf8 in
                    storage.append(contentsOf: UnsafeRawBufferPointer(utf8).bindMemory(to: CChar.self))
                    return utf8.contains(0)
                }
                if hasNUL { throw .unrepresentable(path: path, reason: "a string contains a NUL character") }
                storage.append(0)
            }
            return storage.withUnsafeBufferPointer { characters in
                let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in characters.baseAddress.map { $0 + offset } }
                return pointers.withUnsafeBytes { body($0.baseAddress) }
            }
        }
    }

    private static func elementBytes(of values: HDF5Values) -> Int {
        switch values {
        case .int32: 4
        case .int64, .float64: 8
        case .booleans: 1
        case .strings: 16
        }
    }

    private static func isString(_ values: HDF5Values) -> Bool {
        if case .strings = values { return true }
        return false
    }
}
