import CHDF5

/// An open HDF5 group: find and list members, open and create groups and datasets.
public final class HDF5Group: HDF5Object {
    /// Whether a member exists at the relative `path` (`matrix/data`), checking each level.
    public func contains(_ path: String) -> Bool {
        HDF5Library.locked {
            var prefix = ""
            for component in path.split(separator: "/") {
                prefix += prefix.isEmpty ? String(component) : "/" + component
                guard H5Lexists(id, prefix, mhub_H5P_DEFAULT()) > 0 else { return false }
            }
            return !prefix.isEmpty && H5Oexists_by_name(id, prefix, mhub_H5P_DEFAULT()) > 0
        }
    }

    /// The names of the group's direct members, in name order.
    public func memberNames() throws(HDF5Error) -> [String] {
        try HDF5Library.locked { () throws(HDF5Error) -> [String] in
            var info = H5G_info_t()
            guard H5Gget_info(id, &info) >= 0 else { throw .readFailed(path: path) }
            var names: [String] = []
            for index in 0..<info.nlinks {
                let length = H5Lget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, mhub_H5P_DEFAULT())
                guard length >= 0 else { throw .readFailed(path: path) }
                var buffer = [CChar](repeating: 0, count: Int(length) + 1)
                guard H5Lget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, buffer.count,
                                         mhub_H5P_DEFAULT()) >= 0 else { throw .readFailed(path: path) }
                names.append(String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            return names
        }
    }

    /// Opens the group at the relative `path`.
    public func group(_ path: String) throws(HDF5Error) -> HDF5Group {
        let target = childPath(path)
        return try HDF5Library.locked { () throws(HDF5Error) -> HDF5Group in
            try requireExists(path, target: target)
            let object = H5Oopen(id, path, mhub_H5P_DEFAULT())
            guard object >= 0 else { throw .readFailed(path: target) }
            guard H5Iget_type(object) == H5I_GROUP else {
                H5Oclose(object)
                throw .wrongKind(path: target, expected: "group", found: "dataset")
            }
            return HDF5Group(id: object, path: target)
        }
    }

    /// Opens the dataset at the relative `path`.
    public func dataset(_ path: String) throws(HDF5Error) -> HDF5Dataset {
        let target = childPath(path)
        return try HDF5Library.locked { () throws(HDF5Error) -> HDF5Dataset in
            try requireExists(path, target: target)
            let object = H5Oopen(id, path, mhub_H5P_DEFAULT())
            guard object >= 0 else { throw .readFailed(path: target) }
            guard H5Iget_type(object) == H5I_DATASET else {
                H5Oclose(object)
                throw .wrongKind(path: target, expected: "dataset", found: "group")
            }
            return try HDF5Dataset(opened: object, path: target)
        }
    }

    /// Creates a direct member group `name`.
    @discardableResult
    public func createGroup(_ name: String) throws(HDF5Error) -> HDF5Group {
        let target = childPath(name)
        return try HDF5Library.locked { () throws(HDF5Error) -> HDF5Group in
            try requireMemberName(name, target: target)
            let properties = try HDF5Writer.untimedProperties(mhub_H5P_GROUP_CREATE(), path: target)
            defer { H5Pclose(properties) }
            let group = H5Gcreate2(id, name, mhub_H5P_DEFAULT(), properties, mhub_H5P_DEFAULT())
            guard group >= 0 else { throw .writeFailed(path: target) }
            return HDF5Group(id: group, path: target)
        }
    }

    /// Creates a direct member dataset `name` holding `array`, chunked and compressed when
    /// `compression` is given and the array is not empty (numeric chunks are compressed on
    /// every core, see ``HDF5ChunkWriter``). No timestamps are recorded.
    @discardableResult
    public func createDataset(_ name: String, _ array: HDF5Array,
                              compression: HDF5Compression? = HDF5Compression()) throws(HDF5Error) -> HDF5Dataset {
        let target = childPath(name)
        return try HDF5Library.locked { () throws(HDF5Error) -> HDF5Dataset in
            try requireMemberName(name, target: target)
            let properties = try HDF5Writer.datasetProperties(for: array, compression: compression, path: target)
            defer { H5Pclose(properties) }
            let dataset = try HDF5Writer.write(array, path: target) { fileType, space in
                H5Dcreate2(id, name, fileType, space, mhub_H5P_DEFAULT(), properties, mhub_H5P_DEFAULT())
            } write: { dataset, fileType, memoryType, buffer in
                if let compression, let buffer, let layout = HDF5Writer.chunkLayout(for: array, compression: compression),
                   HDF5Writer.canWriteChunksDirectly(array, fileType: fileType, memoryType: memoryType) {
                    return HDF5ChunkWriter.write(dataset: dataset, buffer: buffer, elementCount: array.values.count,
                                                 layout: layout, compression: compression)
                }
                return H5Dwrite(dataset, memoryType, mhub_H5S_ALL(), mhub_H5S_ALL(), mhub_H5P_DEFAULT(), buffer)
            }
            return try HDF5Dataset(opened: dataset, path: target)
        }
    }

    private func requireExists(_ path: String, target: String) throws(HDF5Error) {
        guard contains(path) else { throw .missing(path: target) }
    }

    private func requireMemberName(_ name: String, target: String) throws(HDF5Error) {
        guard !name.isEmpty, !name.contains("/"), name != "." else {
            throw .unrepresentable(path: target, reason: "a member name must be non-empty and contain no '/'")
        }
    }
}
