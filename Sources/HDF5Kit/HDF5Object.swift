import CHDF5

/// An open group or dataset: it has a path and carries attributes. Closed on deinit.
public class HDF5Object {
    /// The object's absolute path in the file (`/observation/matrix`).
    public let path: String
    let id: hid_t

    init(id: hid_t, path: String) {
        self.id = id
        self.path = path
    }

    deinit {
        let id = id
        HDF5Library.locked { _ = H5Oclose(id) }
    }

    /// The path of a member or attribute `name` of this object.
    func childPath(_ name: String) -> String {
        path == "/" ? "/" + name : path + "/" + name
    }

    /// The names of the object's attributes, in name order.
    public func attributeNames() throws(HDF5Error) -> [String] {
        final class Names { var list: [String] = [] }
        let names = Names()
        let status = HDF5Library.locked {
            H5Aiterate2(id, H5_INDEX_NAME, H5_ITER_INC, nil, { _, name, _, data in
                guard let name, let data else { return -1 }
                Unmanaged<Names>.fromOpaque(data).takeUnretainedValue().list.append(String(cString: name))
                return 0
            }, Unmanaged.passUnretained(names).toOpaque())
        }
        guard status >= 0 else { throw .readFailed(path: path) }
        return names.list
    }

    /// Whether the object has an attribute `name`.
    public func hasAttribute(_ name: String) -> Bool {
        HDF5Library.locked { H5Aexists(id, name) } > 0
    }

    /// Reads attribute `name`.
    public func attribute(_ name: String, maxElements: Int = HDF5Limits.defaultMaxElements) throws(HDF5Error) -> HDF5Array {
        let attributePath = path == "/" ? "/@" + name : path + "@" + name
        return try HDF5Library.locked { () throws(HDF5Error) -> HDF5Array in
            guard H5Aexists(id, name) > 0 else { throw .missing(path: attributePath) }
            let attribute = H5Aopen(id, name, mhub_H5P_DEFAULT())
            guard attribute >= 0 else { throw .readFailed(path: attributePath) }
            defer { H5Aclose(attribute) }
            let reader = try HDF5Reader(path: attributePath, type: H5Aget_type(attribute),
                                        space: H5Aget_space(attribute)) { memoryType, buffer in
                H5Aread(attribute, memoryType, buffer)
            }
            return try reader.readAll(maxElements: maxElements)
        }
    }

    /// Writes attribute `name`, replacing an existing one.
    public func setAttribute(_ name: String, _ array: HDF5Array) throws(HDF5Error) {
        let attributePath = path == "/" ? "/@" + name : path + "@" + name
        try HDF5Library.locked { () throws(HDF5Error) in
            if H5Aexists(id, name) > 0, H5Adelete(id, name) < 0 { throw .writeFailed(path: attributePath) }
            let attribute = try HDF5Writer.write(array, path: attributePath) { fileType, space in
                H5Acreate2(id, name, fileType, space, mhub_H5P_DEFAULT(), mhub_H5P_DEFAULT())
            } write: { attribute, _, memoryType, buffer in
                H5Awrite(attribute, memoryType, buffer)
            }
            guard H5Aclose(attribute) >= 0 else { throw .writeFailed(path: attributePath) }
        }
    }
}
