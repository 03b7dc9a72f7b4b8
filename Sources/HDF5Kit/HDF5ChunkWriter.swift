import CHDF5
import CSystemZlib
import Foundation

/// Writes a numeric dataset's chunks itself: shuffles and deflates them on every core, then
/// hands the finished chunks to HDF5 (`H5Dwrite_chunk`), which would otherwise filter them one
/// by one on a single thread. The bytes stored are exactly what HDF5's own shuffle and
/// deflate filters produce and read back. Callers hold the library lock.
enum HDF5ChunkWriter {
    /// The layout of one chunked dataset.
    struct Layout {
        /// Rows (first-dimension indices) per chunk.
        let chunkRows: Int
        /// Elements per row (the product of the other dimensions).
        let rowWidth: Int
        /// Bytes per element.
        let elementBytes: Int
        /// The dataset's rank.
        let rank: Int
    }

    /// A pointer that may be read from several threads while the caller keeps its array alive.
    private struct SharedBytes: @unchecked Sendable {
        let base: UnsafeRawPointer
    }

    /// Finished chunks, filled in by index from several threads.
    private final class Chunks: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [[UInt8]?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func store(_ bytes: [UInt8]?, at index: Int) {
            lock.lock()
            results[index] = bytes
            lock.unlock()
        }

        var all: [[UInt8]?] { lock.lock(); defer { lock.unlock() }; return results }
    }

    /// Writes `elementCount` elements stored at `buffer` (already in the file's byte order).
    static func write(dataset: hid_t, buffer: UnsafeRawPointer, elementCount: Int, layout: Layout,
                      compression: HDF5Compression) -> herr_t {
        let chunkElements = layout.chunkRows * layout.rowWidth
        let chunkCount = (elementCount + chunkElements - 1) / chunkElements
        let source = SharedBytes(base: buffer)
        let chunks = Chunks(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { index in
            let first = index * chunkElements
            let count = min(chunkElements, elementCount - first)
            chunks.store(compress(source.base + first * layout.elementBytes, count: count,
                                  chunkElements: chunkElements, elementBytes: layout.elementBytes,
                                  compression: compression), at: index)
        }
        for (index, chunk) in chunks.all.enumerated() {
            guard let chunk else { return -1 }
            var offset = [hsize_t(index * layout.chunkRows)] + Array(repeating: hsize_t(0), count: layout.rank - 1)
            let status = chunk.withUnsafeBytes {
                H5Dwrite_chunk(dataset, mhub_H5P_DEFAULT(), 0, &offset, $0.count, $0.baseAddress)
            }
            guard status >= 0 else { return status }
        }
        return 0
    }

    /// One chunk as HDF5's filters store it: padded with zeros to the full chunk, byte-shuffled
    /// when asked (every element's first byte, then every second byte, …), then deflated.
    private static func compress(_ start: UnsafeRawPointer, count: Int, chunkElements: Int, elementBytes: Int,
                                 compression: HDF5Compression) -> [UInt8]? {
        let size = chunkElements * elementBytes
        var raw = [UInt8](repeating: 0, count: size)
        raw.withUnsafeMutableBytes { target in
            let bytes = start.assumingMemoryBound(to: UInt8.self)
            if compression.shuffle, elementBytes > 1 {
                for element in 0..<count {
                    for byte in 0..<elementBytes {
                        target[byte * chunkElements + element] = bytes[element * elementBytes + byte]
                    }
                }
            } else {
                target.baseAddress!.copyMemory(from: start, byteCount: count * elementBytes)
            }
        }
        var compressedSize = compressBound(uLong(size))
        var compressed = [UInt8](repeating: 0, count: Int(compressedSize))
        let status = compressed.withUnsafeMutableBufferPointer { target in
            raw.withUnsafeBufferPointer { source in
                compress2(target.baseAddress, &compressedSize, source.baseAddress, uLong(size), Int32(compression.level))
            }
        }
        guard status == Z_OK else { return nil }
        compressed.removeLast(compressed.count - Int(compressedSize))
        return compressed
    }
}
