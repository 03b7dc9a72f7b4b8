/// The kind of element an HDF5 dataset or attribute stores.
public enum HDF5ElementKind: Sendable, Equatable, CustomStringConvertible {
    case integer
    case float
    case string
    /// h5py's boolean: an 8-bit enum with members `FALSE` = 0 and `TRUE` = 1.
    case boolean
    /// Any other HDF5 type class (compound, array, opaque, …), by name.
    case other(String)

    public var description: String {
        switch self {
        case .integer: "integer"
        case .float: "float"
        case .string: "string"
        case .boolean: "boolean"
        case .other(let name): name
        }
    }
}

/// Typed element values, flattened in row-major order.
public enum HDF5Values: Sendable, Equatable {
    case int32([Int32])
    case int64([Int64])
    case float64([Double])
    case strings([String])
    case booleans([Bool])

    /// The number of elements.
    public var count: Int {
        switch self {
        case .int32(let values): values.count
        case .int64(let values): values.count
        case .float64(let values): values.count
        case .strings(let values): values.count
        case .booleans(let values): values.count
        }
    }
}

/// The contents of a dataset or attribute: its values and its extent.
///
/// An empty `shape` is a scalar (one value); `[n]` a vector; `[n, k]` a matrix stored row by row.
public struct HDF5Array: Sendable, Equatable {
    public var values: HDF5Values
    public var shape: [Int]

    /// An array of `values` with an explicit shape; the shape's product must equal the value count.
    public init(_ values: HDF5Values, shape: [Int]) {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not hold \(values.count) values")
        self.values = values
        self.shape = shape
    }

    /// A one-dimensional array of `values`.
    public init(_ values: HDF5Values) {
        self.init(values, shape: [values.count])
    }

    /// A scalar string, as attributes such as BIOM's `generated-by` are stored.
    public static func scalar(_ text: String) -> HDF5Array {
        HDF5Array(.strings([text]), shape: [])
    }

    /// A scalar 64-bit integer.
    public static func scalar(_ number: Int64) -> HDF5Array {
        HDF5Array(.int64([number]), shape: [])
    }
}
