import CHDF5
import Foundation

/// Safety limits for reading.
public enum HDF5Limits {
    /// The largest number of elements one read returns unless the caller allows more.
    public static let defaultMaxElements = Int(Int32.max)
}

/// Reads the elements of one dataset or attribute (its file type and dataspace) into
/// Swift arrays, converting to native types. Owns and closes the type and space ids.
/// Callers hold the library lock.
final class HDF5Reader {
    let path: String
    let kind: HDF5ElementKind
    let shape: [Int]
    let count: Int
    private let type: hid_t
    private let space: hid_t
    private let read: (hid_t, UnsafeMutableRawPointer?) -> herr_t

    /// Bytes the object occupies in the file, for datasets; reads of more elements than
    /// deflate could have packed into them are refused (see ``checkLimit(_:)``).
    private let storedBytes: Int?

    init(path: String, type: hid_t, space: hid_t, storedBytes: Int? = nil,
         read: @escaping (hid_t, UnsafeMutableRawPointer?) -> herr_t) throws(HDF5Error) {
        self.path = path
        self.storedBytes = storedBytes
        self.type = type
        self.space = space
        self.read = read
        guard type >= 0, space >= 0 else {
            if type >= 0 { H5Tclose(type) }
            if space >= 0 { H5Sclose(space) }
            throw .readFailed(path: path)
        }
        kind = Self.kind(of: type)
        switch H5Sget_simple_extent_type(space) {
        case H5S_SCALAR:
            shape = []
        case H5S_NULL:
            shape = [0]
        default:
            let rank = Int(H5Sget_simple_extent_ndims(space))
            var dims = [hsize_t](repeating: 0, count: max(rank, 1))
            H5Sget_simple_extent_dims(space, &dims, nil)
            shape = dims.prefix(rank).map { Int(clamping: $0) }
        }
        let points = H5Sget_simple_extent_npoints(space)
        count = points < 0 ? 0 : Int(points)
    }

    deinit {
        HDF5Library.locked {
            H5Tclose(type)
            H5Sclose(space)
        }
    }

    /// The element kind of an HDF5 type.
    static func kind(of type: hid_t) -> HDF5ElementKind {
        switch H5Tget_class(type) {
        case H5T_INTEGER: return .integer
        case H5T_FLOAT: return .float
        case H5T_STRING: return .string
        case H5T_ENUM: return isBooleanEnum(type) ? .boolean : .other("enum")
        case H5T_COMPOUND: return .other("compound")
        case H5T_ARRAY: return .other("array")
        case H5T_VLEN: return .other("variable-length sequence")
        case H5T_OPAQUE: return .other("opaque")
        case H5T_BITFIELD: return .other("bitfield")
        case H5T_REFERENCE: return .other("reference")
        case H5T_TIME: return .other("time")
        default: return .other("unknown")
        }
    }

    /// Whether an enum type is h5py's boolean (two members, `FALSE` and `TRUE`).
    private static func isBooleanEnum(_ type: hid_t) -> Bool {
        guard H5Tget_nmembers(type) == 2 else { return false }
        var names: [String] = []
        for index in 0..<2 {
            guard let name = H5Tget_member_name(type, UInt32(index)) else { return false }
            names.append(String(cString: name))
            H5free_memory(name)
        }
        return names.sorted() == ["FALSE", "TRUE"]
    }

    /// Reads every element in the kind the object stores.
    func readAll(maxElements: Int) throws(HDF5Error) -> HDF5Array {
        switch kind {
        case .integer: HDF5Array(.int64(try readNumbers(mhub_H5T_NATIVE_INT64(), maxElements: maxElements)), shape: shape)
        case .float: HDF5Array(.float64(try readNumbers(mhub_H5T_NATIVE_DOUBLE(), maxElements: maxElements)), shape: shape)
        case .string: HDF5Array(.strings(try readStrings(maxElements: maxElements)), shape: shape)
        case .boolean: HDF5Array(.booleans(try readBooleans(maxElements: maxElements)), shape: shape)
        case .other(let name): throw .wrongKind(path: path, expected: "integer, float, string or boolean", found: name)
        }
    }

    /// Reads every element converted to a native numeric type (`memoryType`).
    func readNumbers<T: Numeric>(_ memoryType: hid_t, maxElements: Int) throws(HDF5Error) -> [T] {
        try checkLimit(maxElements)
        guard count > 0 else { return [] }
        var status: herr_t = 0
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            status = read(memoryType, UnsafeMutableRawPointer(buffer.baseAddress))
            initialized = status >= 0 ? count : 0
        }
        guard status >= 0 else { throw .readFailed(path: path) }
        return values
    }

    /// Reads every element of a string object, variable- or fixed-length; an element that is
    /// not valid UTF-8 is an error (``HDF5Error/invalidText(path:index:)``), never repaired.
    func readStrings(maxElements: Int) throws(HDF5Error) -> [String] {
        try checkLimit(maxElements)
        guard kind == .string else { throw .wrongKind(path: path, expected: "string", found: kind.description) }
        guard count > 0 else { return [] }
        let memoryType = H5Tcopy(type)
        guard memoryType >= 0 else { throw .readFailed(path: path) }
        defer { H5Tclose(memoryType) }
        if H5Tis_variable_str(type) > 0 {
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            guard pointers.withUnsafeMutableBytes({ read(memoryType, $0.baseAddress) }) >= 0 else {
                throw .readFailed(path: path)
            }
            defer { for pointer in pointers { H5free_memory(pointer) } }
            var strings: [String] = []
            strings.reserveCapacity(count)
            for (index, pointer) in pointers.enumerated() {
                guard let pointer else {
                    strings.append("")
                    continue
                }
                let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
                guard let text = String(validating: UnsafeBufferPointer(start: bytes, count: strlen(pointer)), as: UTF8.self) else {
                    throw .invalidText(path: path, index: index)
                }
                strings.append(text)
            }
            return strings
        }
        let width = H5Tget_size(type)
        guard width > 0 else { throw .readFailed(path: path) }
        let (total, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, total <= maxElements else {
            throw .limitExceeded(path: path, limit: "\(maxElements) bytes of fixed-length strings")
        }
        var bytes = [UInt8](repeating: 0, count: total)
        guard bytes.withUnsafeMutableBytes({ read(memoryType, $0.baseAddress) }) >= 0 else {
            throw .readFailed(path: path)
        }
        let spacePadded = H5Tget_strpad(type) == H5T_STR_SPACEPAD
        var strings: [String] = []
        strings.reserveCapacity(count)
        for index in 0..<count {
            var field = bytes[(index * width)..<((index + 1) * width)]
            if let end = field.firstIndex(of: 0) { field = field[..<end] }
            if spacePadded { while field.last == 0x20 { field = field.dropLast() } }
            guard let text = String(validating: field, as: UTF8.self) else { throw .invalidText(path: path, index: index) }
            strings.append(text)
        }
        return strings
    }

    /// Reads every element of an h5py boolean enum.
    func readBooleans(maxElements: Int) throws(HDF5Error) -> [Bool] {
        try checkLimit(maxElements)
        guard kind == .boolean else { throw .wrongKind(path: path, expected: "boolean", found: kind.description) }
        let memoryType = HDF5Writer.booleanType(base: mhub_H5T_NATIVE_INT8())
        guard memoryType >= 0 else { throw .readFailed(path: path) }
        defer { H5Tclose(memoryType) }
        let raw: [Int8] = try readNumbers(memoryType, maxElements: maxElements)
        return raw.map { $0 != 0 }
    }

    /// Refuses reads over `maxElements`, and reads of a dataset that declares far more data than
    /// it stores: deflate expands at most about 1,032-fold, so a dataset whose elements would
    /// need more than 1,100 times its stored bytes (and over 1 MiB) is corrupt or hostile, and
    /// reading it would only allocate memory for fill values.
    private func checkLimit(_ maxElements: Int) throws(HDF5Error) {
        guard count <= maxElements else { throw .limitExceeded(path: path, limit: "\(maxElements) elements") }
        if let storedBytes {
            let (declared, overflow) = count.multipliedReportingOverflow(by: max(1, H5Tget_size(type)))
            if overflow || (declared > 1 << 20 && declared / 1_100 > storedBytes) {
                throw .limitExceeded(path: path, limit: "\(count) elements declared but only \(storedBytes) bytes stored")
            }
        }
    }
}
