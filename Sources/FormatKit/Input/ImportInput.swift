import Foundation

/// One input to an importer: a file on disk (standard input is first spooled to a
/// temporary file), its display name for errors, an optional forced encoding, and any
/// companion inputs keyed by role.
///
/// Every accessor decompresses gzip transparently (recognised by its magic bytes, not
/// the name); the text accessors also decode BOMs, UTF-16 and forced encodings to UTF-8.
public struct ImportInput: Sendable {
    /// The name errors and provenance use (`<stdin>` for standard input).
    public let name: String
    /// Where the bytes are.
    public let url: URL
    /// A forced text encoding, if the user gave one.
    public let encoding: TextEncoding?
    /// Companion inputs by role (`taxonomy`, `metadata`).
    public let companions: [String: ImportInput]
    private let spool: TemporaryFile?
    /// The prefix taken once for detection, kept so that readers sniff the same lines.
    private let sampled: InputPrefix?

    /// An input for a file on disk.
    public init(url: URL, name: String? = nil, encoding: TextEncoding? = nil, companions: [String: ImportInput] = [:]) {
        self.init(url: url, name: name ?? url.path, encoding: encoding, companions: companions, spool: nil, sampled: nil)
    }

    private init(url: URL, name: String, encoding: TextEncoding?, companions: [String: ImportInput],
                 spool: TemporaryFile?, sampled: InputPrefix?) {
        self.url = url
        self.name = name
        self.encoding = encoding
        self.companions = companions
        self.spool = spool
        self.sampled = sampled
    }

    private init(spool: TemporaryFile, name: String, encoding: TextEncoding?, companions: [String: ImportInput]) {
        self.init(url: spool.url, name: name, encoding: encoding, companions: companions, spool: spool, sampled: nil)
    }

    /// Spools standard input to a temporary file so that it can be detected and then read.
    public static func standardInput(encoding: TextEncoding? = nil) throws(ImportError) -> ImportInput {
        try spooling(FileHandle.standardInput, name: "<stdin>", encoding: encoding)
    }

    /// Spools an in-memory buffer (tests, external plugin output) to a temporary file.
    public static func bytes(_ data: [UInt8], name: String, encoding: TextEncoding? = nil) throws(ImportError) -> ImportInput {
        let spool = try TemporaryFile()
        do { try Data(data).write(to: spool.url) } catch {
            throw .io(SourceLocation(file: name), reason: "cannot spool input: \(error.localizedDescription)")
        }
        return ImportInput(spool: spool, name: name, encoding: encoding, companions: [:])
    }

    private static func spooling(_ handle: FileHandle, name: String, encoding: TextEncoding?) throws(ImportError) -> ImportInput {
        let spool = try TemporaryFile()
        do {
            let writer = try FileHandle(forWritingTo: spool.url)
            defer { try? writer.close() }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try writer.write(contentsOf: chunk)
            }
        } catch {
            throw .io(SourceLocation(file: name), reason: "cannot read standard input: \(error.localizedDescription)")
        }
        return ImportInput(spool: spool, name: name, encoding: encoding, companions: [:])
    }

    /// The same input with companions attached.
    public func with(companions: [String: ImportInput]) -> ImportInput {
        ImportInput(url: url, name: name, encoding: encoding, companions: companions, spool: spool, sampled: sampled)
    }

    /// The same input read with another encoding (a descriptor's declared one); its prefix is taken anew.
    public func with(encoding: TextEncoding?) -> ImportInput {
        ImportInput(url: url, name: name, encoding: encoding, companions: companions, spool: spool, sampled: nil)
    }

    /// The same input carrying its prefix, which ``prefix()`` then returns without reading the file again.
    public func sampling() throws(ImportError) -> ImportInput {
        if sampled != nil { return self }
        return ImportInput(url: url, name: name, encoding: encoding, companions: companions, spool: spool,
                           sampled: try prefix())
    }

    /// A location in this input.
    public func location(line: Int? = nil, column: Int? = nil, path: String? = nil, byteOffset: Int? = nil) -> SourceLocation {
        SourceLocation(file: name, line: line, column: column, path: path, byteOffset: byteOffset)
    }

    /// The raw file bytes, not decompressed.
    public func openRaw() throws(ImportError) -> any ByteStream {
        try FileByteStream(path: url.path, displayName: name)
    }

    /// Whether the file on disk is gzip-compressed.
    public func isCompressed() throws(ImportError) -> Bool {
        GzipByteStream.isGzip(try openRaw().read(maxCount: 2))
    }

    /// The decompressed bytes, not text-decoded (for binary formats). The file is opened once:
    /// the bytes that show whether it is gzip are handed on to the reader.
    public func openBytes() throws(ImportError) -> any ByteStream {
        let raw = try openRaw()
        let start = try raw.read(maxCount: 1 << 16)
        let stream = ReplayingByteStream(replaying: start, then: raw)
        if GzipByteStream.isGzip(start) { return try GzipByteStream(source: stream, displayName: name) }
        return stream
    }

    /// The decompressed bytes decoded to UTF-8.
    public func openText() throws(ImportError) -> TextDecodingStream {
        TextDecodingStream(source: try openBytes(), displayName: name, forced: encoding)
    }

    /// A line reader over the decoded text.
    public func lines() throws(ImportError) -> LineReader {
        LineReader(stream: try openText(), displayName: name)
    }

    /// The whole decoded text, refusing inputs larger than `limit` bytes.
    public func readAllText(limit: Int = 1 << 30) throws(ImportError) -> [UInt8] {
        let stream = try openText()
        var all: [UInt8] = []
        while true {
            let chunk = try stream.read(maxCount: 1 << 20)
            if chunk.isEmpty { return all }
            all += chunk
            if all.count > limit { throw .limitExceeded(location(), limit: "input larger than \(limit) bytes") }
        }
    }

    /// A path to the decompressed file, for libraries that need one (HDF5). A compressed
    /// input is decompressed into a temporary file that lives as long as the returned handle.
    public func uncompressedFile() throws(ImportError) -> (url: URL, keepAlive: TemporaryFile?) {
        guard try isCompressed() else { return (url, nil) }
        let temporary = try TemporaryFile()
        let stream = try openBytes()
        guard let writer = try? FileHandle(forWritingTo: temporary.url) else {
            throw .io(location(), reason: "cannot write a temporary file")
        }
        defer { try? writer.close() }
        while true {
            let chunk = try stream.read(maxCount: 1 << 20)
            if chunk.isEmpty { break }
            do { try writer.write(contentsOf: Data(chunk)) } catch {
                throw .io(location(), reason: "cannot write a temporary file")
            }
        }
        return (temporary.url, temporary)
    }

    /// The bounded prefix detectors look at and sniffing readers read their first lines from:
    /// the one taken by ``sampling()`` when there is one, else read now.
    public func prefix(limits: InputPrefix.Limits = .standard) throws(ImportError) -> InputPrefix {
        if let sampled, limits == .standard { return sampled }
        let raw = try openBytes()
        let start = try raw.read(maxCount: limits.bytes)
        let text = TextDecodingStream(source: ReplayingByteStream(replaying: start, then: raw), displayName: name,
                                      forced: encoding)
        var sample: [UInt8] = []
        var lineBreaks = 0
        var finished = false
        do {
            while lineBreaks <= limits.lines, sample.count < limits.textBytes {
                let chunk = try text.read(maxCount: limits.bytes)
                if chunk.isEmpty { finished = true; break }
                lineBreaks += chunk.lazy.filter { $0 == 0x0A || $0 == 0x0D }.count
                sample += chunk
            }
        } catch {
            // Not a failure of sampling: detectors see the text decoded before the bad bytes,
            // and reading reports them with their place.
        }
        if sample.count > limits.textBytes { sample.removeLast(sample.count - limits.textBytes) }
        return InputPrefix(fileName: url.lastPathComponent == spool?.url.lastPathComponent ? name : url.lastPathComponent,
                           bytes: start, sample: sample, textLength: min(sample.count, limits.bytes),
                           isComplete: finished && sample.count <= limits.textBytes, maxLines: limits.lines)
    }
}
