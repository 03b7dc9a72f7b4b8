#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only source of bytes, read in chunks.
public protocol ByteStream: AnyObject {
    /// The next chunk of at most `maxCount` bytes; empty at the end of the stream.
    func read(maxCount: Int) throws(ImportError) -> [UInt8]
}

/// Reads a file with POSIX `read`, in chunks.
public final class FileByteStream: ByteStream {
    private let descriptor: Int32
    private let displayName: String

    /// Opens `path`; `displayName` is what errors call the file.
    public init(path: String, displayName: String) throws(ImportError) {
        descriptor = open(path, O_RDONLY)
        self.displayName = displayName
        guard descriptor >= 0 else {
            throw .io(SourceLocation(file: displayName), reason: "cannot open: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    public func read(maxCount: Int) throws(ImportError) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: maxCount)
        let count = chunk.withUnsafeMutableBytes { buffer in
            var result: Int
            repeat { result = Glibc.read(descriptor, buffer.baseAddress, maxCount) } while result < 0 && errno == EINTR
            return result
        }
        guard count >= 0 else {
            throw .io(SourceLocation(file: displayName), reason: "read failed: \(String(cString: strerror(errno)))")
        }
        chunk.removeLast(maxCount - count)
        return chunk
    }
}

/// Serves bytes from memory (used for prefixes and tests).
public final class MemoryByteStream: ByteStream {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func read(maxCount: Int) throws(ImportError) -> [UInt8] {
        let end = min(bytes.count, position + maxCount)
        defer { position = end }
        return Array(bytes[position..<end])
    }
}

/// Serves bytes already read from a stream, then the rest of that stream: how a file is
/// opened once when its first bytes decide how to read it (gzip or not).
public final class ReplayingByteStream: ByteStream {
    private var pending: [UInt8]
    private let rest: any ByteStream

    public init(replaying pending: [UInt8], then rest: any ByteStream) {
        self.pending = pending
        self.rest = rest
    }

    public func read(maxCount: Int) throws(ImportError) -> [UInt8] {
        guard pending.isEmpty else {
            let count = min(maxCount, pending.count)
            defer { pending.removeFirst(count) }
            return Array(pending[..<count])
        }
        return try rest.read(maxCount: maxCount)
    }
}
