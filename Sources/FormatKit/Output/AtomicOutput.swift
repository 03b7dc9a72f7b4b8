import Foundation

/// Writes an output into a temporary file and puts it in place only when everything
/// succeeded, so a failure never leaves half a file behind and never touches the destination.
///
/// What "in place" means depends on what the path names:
/// - a regular file or a new name: the temporary file (`.NAME.mhub-XXXXXXXX.tmp`, in the same
///   folder, the name shortened when needed so that any legal output name works) is renamed
///   over it; an existing file's permission bits are kept;
/// - a symbolic link: followed deliberately, so the file it points to is replaced and the link stays;
/// - a character device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe): the finished bytes
///   are written through to it, and the device node is never replaced by a regular file;
/// - `-`: the finished bytes are copied to standard output.
///
/// A path that resolves to one of the command's inputs (the same device and inode, or the same
/// real path, so `./sub/../a.tsv` is caught) is refused before anything is written.
public final class AtomicOutput {
    /// Where the result goes.
    public enum Target: Sendable, Equatable {
        /// Standard output (`-`).
        case standardOutput
        /// A file replaced by rename (the symbolic link's target, when the path is a link).
        case file(URL)
        /// A character device or FIFO, written through.
        case device(URL)
    }

    /// The longest file name most file systems take, in bytes.
    static let maximumNameLength = 255

    /// Where the result goes.
    public let target: Target
    /// The temporary file being written.
    public let temporaryURL: URL
    /// How the file is compressed, from the destination's name (`.gz`: gzip).
    public let compression: OutputCompression
    private let shownPath: String
    private var done = false

    /// Prepares an output for `path` (`-` for standard output), refusing a path that is the
    /// same file as one of `inputs`.
    public init(path: String, protecting inputs: [String] = []) throws(ExportError) {
        shownPath = path
        compression = OutputCompression(forOutputName: path)
        let directory: URL
        let base: String
        if path == "-" {
            target = .standardOutput
            directory = FileManager.default.temporaryDirectory
            base = "stdout"
        } else {
            var status = stat()
            if stat(path, &status) == 0, Self.isWrittenThrough(status.st_mode) {
                target = .device(URL(fileURLWithPath: path))
                directory = FileManager.default.temporaryDirectory
                base = "device"
            } else {
                let url = Self.resolvingLink(URL(fileURLWithPath: path))
                target = .file(url)
                directory = url.deletingLastPathComponent()
                base = url.lastPathComponent
            }
            if let input = Self.sameFile(path, asAnyOf: inputs) {
                throw .io(path: path, reason: "is the same file as the input \(input); refusing to overwrite an input (write to another name)")
            }
        }
        temporaryURL = directory.appendingPathComponent(Self.temporaryName(for: base))
        guard FileManager.default.isWritableFile(atPath: directory.path) else {
            throw .io(path: path, reason: "the directory is not writable or does not exist")
        }
        InterruptCleanup.track(temporaryURL.path)
    }

    deinit { if !done { discard() } }

    /// A sink over the temporary file, compressing as the destination's name asks.
    public func makeSink() throws(ExportError) -> OutputSink {
        try OutputSink(fileURL: temporaryURL, compression: compression)
    }

    /// Puts the finished file in place: renames it over the destination, or writes it through
    /// to standard output or the device.
    public func commit() throws(ExportError) {
        defer { discard() }
        switch target {
        case .standardOutput:
            try copyTemporary(to: STDOUT_FILENO, shownAs: "-")
        case .device(let url):
            let descriptor = open(url.path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw .io(path: shownPath, reason: "cannot open for writing: \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            try copyTemporary(to: descriptor, shownAs: shownPath)
        case .file(let url):
            var existing = stat()
            if stat(url.path, &existing) == 0 {
                // Keep the permission bits (and, where allowed, the owner) of the file replaced.
                chmod(temporaryURL.path, existing.st_mode & 0o7777)
                _ = chown(temporaryURL.path, existing.st_uid, existing.st_gid)
            }
            if rename(temporaryURL.path, url.path) != 0 {
                throw .io(path: shownPath, reason: "cannot move the output into place: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Deletes the temporary file, if it is still there; the destination is never touched.
    public func discard() {
        done = true
        unlink(temporaryURL.path)
        InterruptCleanup.untrack(temporaryURL.path)
    }

    /// Copies the finished temporary file to `descriptor`, refusing to copy it into itself.
    private func copyTemporary(to descriptor: Int32, shownAs name: String) throws(ExportError) {
        let source = open(temporaryURL.path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw .io(path: name, reason: "cannot read back the output") }
        defer { close(source) }
        var sourceStatus = stat(), targetStatus = stat()
        if fstat(source, &sourceStatus) == 0, fstat(descriptor, &targetStatus) == 0,
           sourceStatus.st_dev == targetStatus.st_dev, sourceStatus.st_ino == targetStatus.st_ino {
            throw .io(path: name, reason: "is the temporary output file itself; refusing to copy it into itself")
        }
        if descriptor == STDOUT_FILENO, StandardStreams.wasClosed(STDOUT_FILENO) {
            throw .io(path: name, reason: "standard output is closed")
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .io(path: name, reason: "cannot read back the output") }
            if count == 0 { return }
            let failure: String? = chunk.withUnsafeBytes { bytes in
                let slice = UnsafeRawBufferPointer(rebasing: bytes[0..<count])
                if descriptor == STDOUT_FILENO {
                    do throws(StandardStreams.WriteFailure) { try StandardStreams.writeOutput(slice) } catch { return error.reason }
                    return nil
                }
                return Self.writeAll(slice, to: descriptor)
            }
            if let failure { throw .io(path: name, reason: "write failed: \(failure)") }
        }
    }

    /// Writes every byte to `descriptor`; the reason on failure.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    /// Whether a file of this mode is written through rather than replaced.
    private static func isWrittenThrough(_ mode: mode_t) -> Bool {
        let type = mode & S_IFMT
        return type == S_IFCHR || type == S_IFIFO || type == S_IFSOCK
    }

    /// The file a symbolic link finally points to (relative links against the link's folder;
    /// a dangling link gives the path it names); other paths unchanged.
    static func resolvingLink(_ url: URL) -> URL {
        var current = url
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { return current }
            current = target.hasPrefix("/") ? URL(fileURLWithPath: target)
                : current.deletingLastPathComponent().appendingPathComponent(target)
        }
        return current
    }

    /// The input `path` is the same file as: equal device and inode, or equal real path.
    private static func sameFile(_ path: String, asAnyOf inputs: [String]) -> String? {
        var output = stat()
        guard stat(path, &output) == 0 else { return nil }
        let outputReal = realpath(path, nil).map { pointer in defer { free(pointer) }; return String(cString: pointer) }
        for input in inputs where input != "-" {
            var status = stat()
            guard stat(input, &status) == 0 else { continue }
            if status.st_dev == output.st_dev && status.st_ino == output.st_ino { return input }
            let real = realpath(input, nil).map { pointer in defer { free(pointer) }; return String(cString: pointer) }
            if let real, real == outputReal { return input }
        }
        return nil
    }

    /// `.NAME.mhub-XXXXXXXX.tmp`, with `NAME` cut (at a character boundary) so that the whole
    /// name stays within ``maximumNameLength`` bytes.
    static func temporaryName(for base: String) -> String {
        let suffix = ".mhub-\(UUID().uuidString.prefix(8).lowercased()).tmp"
        var name = Substring(base)
        while 1 + name.utf8.count + suffix.utf8.count > maximumNameLength { name = name.dropLast() }
        return "." + name + suffix
    }
}
