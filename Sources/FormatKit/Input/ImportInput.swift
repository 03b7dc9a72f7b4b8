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

    /// An input for a file on disk.
    public init(url: URL, name: String? = nil, encoding: TextEncoding? = nil, companions: [String: ImportInput] = [:]) {
        self.url = url
        self.name = name ?? url.path
        self.encoding = encoding
        self.companions = companions
        self.spool = nil
    }

    private init(spool: TemporaryFile, name: String, encoding: TextEncoding?, companions: [String: ImportInput]) {
        self.url = spool.url
        self.name = name
        self.encoding = encoding
        self.companions = companions
        self.spool = spool
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
        if let spool { return ImportInput(spool: spool, name: name, encoding: encoding, companions: companions) }
        return ImportInput(url: url, name: name, encoding: encoding, companions: companions)
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

    /// The decompressed bytes, not text-decoded (for binary formats).
    public func openBytes() throws(ImportError) -> any ByteStream {
        let raw = try openRaw()
        if try isCompressed() { return try GzipByteStream(source: raw, displayName: name) }
        return raw
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

    /// The bounded prefix detectors look at.
    public func prefix(maxBytes: Int = InputPrefix.defaultSize) throws(ImportError) -> InputPrefix {
        let raw = try openBytes().read(maxCount: maxBytes)
        let text = TextDecodingStream(source: MemoryByteStream(raw), displayName: name, forced: encoding)
        let decoded = (try? text.read(maxCount: maxBytes + 4)) ?? []
        return InputPrefix(fileName: url.lastPathComponent == spool?.url.lastPathComponent ? name : url.lastPathComponent,
                           bytes: raw, text: String(decoding: decoded, as: UTF8.self),
                           isComplete: raw.count < maxBytes)
    }
}
