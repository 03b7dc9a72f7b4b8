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

    /// A sink over a new file at `url` (created or truncated), compressed as `compression` says.
    public init(fileURL url: URL, compression: OutputCompression = .none) throws(ExportError) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw .io(path: url.path, reason: "cannot create the output file")
        }
        if compression == .gzip {
            guard let deflater = GzipDeflater() else { throw .io(path: url.path, reason: "cannot start gzip compression") }
            self.deflater = deflater
        } else {
            deflater = nil
        }
        self.fileURL = url
        self.handle = handle
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

/// Writes an output into a temporary file beside its destination and renames it into place
/// only when everything succeeded. For standard output (`-`) the finished file is copied
/// to stdout at commit, so a failure prints nothing.
public final class AtomicOutput {
    /// Where the result goes; `nil` for standard output.
    public let destination: URL?
    /// The temporary file being written.
    public let temporaryURL: URL
    /// How the file is compressed, from the destination's name (`.gz`: gzip).
    public let compression: OutputCompression
    private var done = false

    /// Prepares an output for `path` (`-` for standard output).
    public init(path: String) throws(ExportError) {
        compression = OutputCompression(forOutputName: path)
        let directory: URL
        let base: String
        if path == "-" {
            destination = nil
            directory = FileManager.default.temporaryDirectory
            base = "stdout"
        } else {
            let url = URL(fileURLWithPath: path)
            destination = url
            directory = url.deletingLastPathComponent()
            base = url.lastPathComponent
        }
        temporaryURL = directory.appendingPathComponent(".\(base).mhub-\(UUID().uuidString).tmp")
        guard FileManager.default.isWritableFile(atPath: directory.path) else {
            throw .io(path: path, reason: "the directory is not writable or does not exist")
        }
    }

    deinit { if !done { discard() } }

    /// A sink over the temporary file, compressing as the destination's name asks.
    public func makeSink() throws(ExportError) -> OutputSink {
        try OutputSink(fileURL: temporaryURL, compression: compression)
    }

    /// Moves the finished file into place (or copies it to standard output).
    public func commit() throws(ExportError) {
        defer { done = true }
        guard let destination else {
            defer { try? FileManager.default.removeItem(at: temporaryURL) }
            guard let reader = try? FileHandle(forReadingFrom: temporaryURL) else {
                throw .io(path: "-", reason: "cannot read back the output")
            }
            defer { try? reader.close() }
            while let chunk = try? reader.read(upToCount: 1 << 20), !chunk.isEmpty {
                FileHandle.standardOutput.write(chunk)
            }
            return
        }
        if rename(temporaryURL.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporaryURL)
            throw .io(path: destination.path, reason: "cannot move the output into place: \(reason)")
        }
    }

    /// Deletes the temporary file; the destination is never touched.
    public func discard() {
        done = true
        try? FileManager.default.removeItem(at: temporaryURL)
    }
}
