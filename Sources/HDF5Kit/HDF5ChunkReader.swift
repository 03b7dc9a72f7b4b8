import CHDF5
import CSystemZlib
import Foundation

/// Reads a deflated numeric vector by inflating its chunks on every core: HDF5 hands over
/// the stored chunks (`H5Dread_chunk`), zlib inflates them in parallel, and byte-shuffled
/// chunks are put back in order. HDF5's own read would run its filters one chunk at a time
/// on a single thread. Only the common, plain case is taken (a chunked one-dimensional
/// dataset, filters deflate and optionally shuffle applied to every chunk, every chunk
/// stored, the file type equal to the memory type); for anything else ``read(dataset:memoryType:into:)``
/// returns `nil` and the caller reads through HDF5. Callers hold the library lock.
enum HDF5ChunkReader {
    /// The filters a dataset's chunks went through.
    private struct Pipeline {
        var shuffle = false
    }

    /// A pointer that several threads write to, at disjoint ranges, while the caller keeps its array alive.
    private struct SharedTarget: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
    }

    /// Chunks inflated so far; records the first failure.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var failed = false

        func fail() {
            lock.lock()
            failed = true
            lock.unlock()
        }

        var succeeded: Bool { lock.lock(); defer { lock.unlock() }; return !failed }
    }

    /// Reads every element of `dataset` into `buffer` (room for all of them) as `memoryType`;
    /// the status of the read, or `nil` when the dataset is not one this reader takes.
    static func read(dataset: hid_t, memoryType: hid_t, into buffer: UnsafeMutableRawPointer?) -> herr_t? {
        guard let buffer else { return nil }
        let space = H5Dget_space(dataset)
        guard space >= 0 else { return nil }
        let rank = H5Sget_simple_extent_ndims(space)
        let points = H5Sget_simple_extent_npoints(space)
        H5Sclose(space)
        guard rank == 1, points > 0 else { return nil }
        let count = Int(points)
        let fileType = H5Dget_type(dataset)
        guard fileType >= 0 else { return nil }
        defer { H5Tclose(fileType) }
        let typeClass = H5Tget_class(fileType)
        guard typeClass == H5T_INTEGER || typeClass == H5T_FLOAT, H5Tequal(fileType, memoryType) > 0 else { return nil }
        let elementBytes = H5Tget_size(fileType)
        let properties = H5Dget_create_plist(dataset)
        guard properties >= 0 else { return nil }
        defer { H5Pclose(properties) }
        guard H5Pget_layout(properties) == H5D_CHUNKED, let pipeline = pipeline(properties) else { return nil }
        var chunkDims: [hsize_t] = [0, 0]
        guard H5Pget_chunk(properties, 2, &chunkDims) == 1, chunkDims[0] > 0 else { return nil }
        let chunkElements = Int(chunkDims[0])
        let chunkCount = (count + chunkElements - 1) / chunkElements
        // Every stored chunk takes at least a byte: more chunks than stored bytes means some are
        // unallocated (fill values), which the library's own read handles; the list of chunks
        // is never sized from the declared extent alone.
        guard chunkCount <= Int(clamping: H5Dget_storage_size(dataset)) else { return nil }

        // The stored chunks, read one after another (HDF5 is not thread-safe).
        var stored: [[UInt8]] = []
        stored.reserveCapacity(chunkCount)
        for index in 0..<chunkCount {
            var offset = [hsize_t(index * chunkElements)]
            var size: hsize_t = 0
            guard H5Dget_chunk_storage_size(dataset, &offset, &size) >= 0, size > 0, size < hsize_t(Int32.max) else {
                return nil
            }
            var chunk = [UInt8](repeating: 0, count: Int(size))
            var skippedFilters: UInt32 = 0
            let status = chunk.withUnsafeMutableBytes {
                H5Dread_chunk(dataset, mhub_H5P_DEFAULT(), &offset, &skippedFilters, $0.baseAddress)
            }
            guard status >= 0 else { return status }
            guard skippedFilters == 0 else { return nil }
            stored.append(chunk)
        }

        let chunks = stored
        let target = SharedTarget(base: buffer)
        let outcome = Outcome()
        let chunkBytes = chunkElements * elementBytes
        DispatchQueue.concurrentPerform(iterations: chunkCount) { index in
            let first = index * chunkElements
            let elements = min(chunkElements, count - first)
            let destination = target.base + first * elementBytes
            if !inflate(chunks[index], chunkBytes: chunkBytes, elements: elements, elementBytes: elementBytes,
                        chunkElements: chunkElements, shuffled: pipeline.shuffle, into: destination) {
                outcome.fail()
            }
        }
        return outcome.succeeded ? 0 : -1
    }

    /// The pipeline when it is deflate alone or shuffle then deflate; `nil` otherwise.
    private static func pipeline(_ properties: hid_t) -> Pipeline? {
        let filters = H5Pget_nfilters(properties)
        var ids: [H5Z_filter_t] = []
        for index in 0..<max(0, filters) {
            var flags: UInt32 = 0
            var valueCount = 0
            var config: UInt32 = 0
            ids.append(H5Pget_filter2(properties, UInt32(index), &flags, &valueCount, nil, 0, nil, &config))
        }
        switch ids {
        case [H5Z_filter_t(H5Z_FILTER_DEFLATE)]: return Pipeline(shuffle: false)
        case [H5Z_filter_t(H5Z_FILTER_SHUFFLE), H5Z_filter_t(H5Z_FILTER_DEFLATE)]: return Pipeline(shuffle: true)
        default: return nil
        }
    }

    /// Inflates one stored chunk (a full chunk of `chunkBytes`) and writes its first
    /// `elements` elements to `destination`, unshuffling them when the chunk was shuffled.
    private static func inflate(_ stored: [UInt8], chunkBytes: Int, elements: Int, elementBytes: Int,
                                chunkElements: Int, shuffled: Bool, into destination: UnsafeMutableRawPointer) -> Bool {
        var raw = [UInt8](repeating: 0, count: chunkBytes)
        var rawSize = uLong(chunkBytes)
        let status = raw.withUnsafeMutableBufferPointer { target in
            stored.withUnsafeBufferPointer { source in
                uncompress(target.baseAddress, &rawSize, source.baseAddress, uLong(source.count))
            }
        }
        guard status == Z_OK, rawSize == uLong(chunkBytes) else { return false }
        raw.withUnsafeBytes { source in
            if shuffled, elementBytes > 1 {
                // Shuffled: every element's first byte, then every element's second byte, …
                let bytes = destination.assumingMemoryBound(to: UInt8.self)
                for element in 0..<elements {
                    for byte in 0..<elementBytes {
                        bytes[element * elementBytes + byte] = source[byte * chunkElements + element]
                    }
                }
            } else {
                destination.copyMemory(from: source.baseAddress!, byteCount: elements * elementBytes)
            }
        }
        return true
    }
}
