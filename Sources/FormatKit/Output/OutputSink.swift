import Foundation

/// A buffered byte writer over a temporary file, gzip-compressing on the way when asked to.
/// Exporters write through it; the caller ends it with ``finish()`` and then commits the file
/// atomically (``AtomicOutput``) or discards it, so a failed export never leaves half a file behind.
public struct OutputSink: ~Copyable {
    /// The file being written. Exporters whose library writes files itself (HDF5) write here
    /// directly instead of calling `write`.
    public let fileURL: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    /// The compressor the bytes pass through, when the file is compressed.
    private let deflater: GzipDeflater?

    /// A sink over a new file at `url` (created or truncated; opened directly, so that no
    /// further temporary name is made beside it), compressed as `compression` says.
    public init(fileURL url: URL, compression: OutputCompression = .none) throws(ExportError) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw .io(path: url.path, reason: "cannot create the output file: \(String(cString: strerror(errno)))")
        }
        if compression == .gzip {
            guard let deflater = GzipDeflater() else { throw .io(path: url.path, reason: "cannot start gzip compression") }
            self.deflater = deflater
        } else {
            deflater = nil
        }
        self.fileURL = url
        self.handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        buffer.reserveCapacity(capacity)
    }

    deinit { try? handle.close() }

    /// Appends bytes.
    public mutating func write(_ bytes: some Sequence<UInt8>) throws(ExportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends a byte array; the fast path for exporters that format into byte buffers
    /// (the generic overload cannot be specialised across modules).
    public mutating func write(_ bytes: [UInt8]) throws(ExportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends a string as UTF-8.
    public mutating func write(_ text: String) throws(ExportError) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { try flush() }
    }

    /// Appends one byte.
    public mutating func write(byte: UInt8) throws(ExportError) {
        buffer.append(byte)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out buffered bytes (through the compressor, which may keep some of them until ``finish()``).
    public mutating func flush() throws(ExportError) {
        guard !buffer.isEmpty else { return }
        try emit(buffer, finishing: false)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes out everything, including the end of the compressed stream; call it once, after the last write.
    public mutating func finish() throws(ExportError) {
        guard deflater != nil else { return try flush() }
        try emit(buffer, finishing: true)
        buffer.removeAll()
    }

    private func emit(_ bytes: [UInt8], finishing: Bool) throws(ExportError) {
        var out = bytes
        if let deflater {
            guard let compressed = deflater.deflate(bytes, finishing: finishing) else {
                throw .io(path: fileURL.path, reason: "gzip compression failed")
            }
            out = compressed
        }
        guard !out.isEmpty else { return }
        do { try handle.write(contentsOf: Data(out)) } catch {
            throw .io(path: fileURL.path, reason: "write failed: \(error.localizedDescription)")
        }
    }
}
