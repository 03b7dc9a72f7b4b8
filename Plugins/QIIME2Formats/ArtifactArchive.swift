import FormatKit
import Foundation
import ZIPFoundation

/// Safety limits on the zip of a QIIME 2 artifact, so that a hostile or corrupt archive
/// (a zip bomb, a central directory that claims millions of entries) fails with
/// ``ImportError/limitExceeded(_:limit:)`` instead of filling the disk or the memory.
public struct ArtifactLimits: Sendable, Hashable {
    /// The most entries the archive may list (real artifacts hold tens to a few thousand,
    /// most of them provenance).
    public var maxEntries: Int
    /// The most bytes all extracted members may expand to together.
    public var maxExpandedBytes: Int64
    /// The largest small member read into memory (`metadata.yaml`, `VERSION`).
    public var maxMetadataBytes: Int64

    public init(maxEntries: Int = 100_000, maxExpandedBytes: Int64 = 16 << 30, maxMetadataBytes: Int64 = 1 << 20) {
        self.maxEntries = maxEntries
        self.maxExpandedBytes = maxExpandedBytes
        self.maxMetadataBytes = maxMetadataBytes
    }
}

/// The zip of an artifact, read through ZIPFoundation within ``ArtifactLimits``: its member
/// paths, and members extracted to memory or to a temporary file with every byte counted.
///
/// A member that expands beyond the size its header declares, or whose checksum does not
/// match, is refused: both are how zip bombs and truncated downloads show themselves.
final class ArtifactArchive {
    let input: ImportInput
    let limits: ArtifactLimits
    private let archive: Archive
    private let keepAlive: TemporaryFile?
    /// Member paths to entries, in archive order.
    private(set) var entries: [String: Entry] = [:]
    private(set) var paths: [String] = []
    private var expandedSoFar: Int64 = 0

    init(_ input: ImportInput, limits: ArtifactLimits) throws(ImportError) {
        self.input = input
        self.limits = limits
        let (url, keepAlive) = try input.uncompressedFile()
        self.keepAlive = keepAlive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .syntax(input.location(), reason: "not a readable zip archive (\(error)); a .qza file may be truncated")
        }
        for entry in archive {
            guard paths.count < limits.maxEntries else {
                throw .limitExceeded(input.location(), limit: "the archive lists more than \(limits.maxEntries) entries")
            }
            paths.append(entry.path)
            entries[entry.path] = entry
        }
        if paths.isEmpty { throw .emptyInput(input.location()) }
    }

    /// A small member's bytes.
    func bytes(of path: String) throws(ImportError) -> [UInt8] {
        guard let entry = entries[path] else { throw .missingField(input.location(path: path), field: path) }
        guard Int64(clamping: entry.uncompressedSize) <= limits.maxMetadataBytes else {
            throw .limitExceeded(input.location(path: path), limit: "\(path) is larger than \(limits.maxMetadataBytes) bytes")
        }
        var collected: [UInt8] = []
        try extract(entry, perEntryLimit: limits.maxMetadataBytes) { collected += $0 }
        return collected
    }

    /// A member extracted to a temporary file named like it, which lives as long as the returned value.
    func temporaryCopy(of path: String) throws(ImportError) -> TemporaryFile {
        guard let entry = entries[path] else { throw .missingField(input.location(path: path), field: path) }
        let name = path.split(separator: "/").last.map(String.init) ?? "member"
        let file = try TemporaryFile(suffix: "-" + name)
        let handle: FileHandle
        do { handle = try FileHandle(forWritingTo: file.url) } catch {
            throw .io(input.location(path: path), reason: "cannot write a temporary file: \(error.localizedDescription)")
        }
        var writeFailure: (any Error)?
        let extracted = Result { () throws(ImportError) in
            try extract(entry, perEntryLimit: limits.maxExpandedBytes) { chunk in
                guard writeFailure == nil else { return }
                do { try handle.write(contentsOf: chunk) } catch { writeFailure = error }
            }
        }
        do { try handle.close() } catch { writeFailure = writeFailure ?? error }
        try extracted.get()
        if let writeFailure {
            throw .io(input.location(path: path), reason: "cannot write a temporary file: \(writeFailure.localizedDescription)")
        }
        return file
    }

    /// Streams a member to `sink`, counting bytes against its declared size and the archive-wide limit.
    private func extract(_ entry: Entry, perEntryLimit: Int64, sink: (Data) -> Void) throws(ImportError) {
        let declared = Int64(clamping: entry.uncompressedSize)
        var expanded: Int64 = 0
        var overrun: ImportError?
        let location = input.location(path: entry.path)
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry) { chunk in
                expanded += Int64(chunk.count)
                self.expandedSoFar += Int64(chunk.count)
                if expanded > declared {
                    overrun = .limitExceeded(location, limit: "\(entry.path) expands beyond the \(declared) bytes its header declares (a zip bomb or a corrupt archive)")
                } else if expanded > perEntryLimit || self.expandedSoFar > self.limits.maxExpandedBytes {
                    overrun = .limitExceeded(location, limit: "the archive expands to more than \(min(perEntryLimit, self.limits.maxExpandedBytes)) bytes")
                }
                if overrun != nil { throw CancellationError() }
                sink(chunk)
            }
        } catch {
            if let overrun { throw overrun }
            throw .syntax(location, reason: "cannot extract \(entry.path) (\(error)); the archive may be truncated or corrupt")
        }
        guard expanded == declared else {
            throw .syntax(location, reason: "\(entry.path) holds \(expanded) bytes but its header declares \(declared); the archive may be truncated")
        }
        guard checksum == entry.checksum else {
            throw .syntax(location, reason: "\(entry.path) fails its CRC-32 check; the archive is corrupt")
        }
    }
}
