import Foundation

/// Reads an NCBI taxdump folder into an ``NCBITaxdump``: `nodes.dmp` and `names.dmp` are
/// required, `merged.dmp` and `delnodes.dmp` are read when present. `nodes.dmp` and
/// `names.dmp` are parsed at the same time on two threads; every file is streamed in blocks.
///
/// Layouts (NCBI `taxdump_readme.txt`): fields separated by `\t|\t`, lines ending `\t|`;
/// nodes: tax id, parent tax id, rank, then ten (or, in new_taxdump, fifteen) more columns;
/// names: tax id, name, unique name, name class; merged: old id, new id; delnodes: tax id.
public enum NCBITaxdumpLoader {
    /// Loads the dump in `directory`.
    public static func load(directory: String) throws(TaxonomyError) -> NCBITaxdump {
        let folder = URL(fileURLWithPath: directory)
        func path(_ file: String) -> String { folder.appendingPathComponent(file).path }
        let nodesPath = path("nodes.dmp"), namesPath = path("names.dmp")
        for required in [nodesPath, namesPath] where !FileManager.default.fileExists(atPath: required) {
            throw .io(file: required, reason: "no such file (a taxdump folder holds nodes.dmp and names.dmp)")
        }
        let nodes = ResultSlot<ParsedNodes>()
        let names = ResultSlot<ParsedNames>()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                nodes.store { () throws(TaxonomyError) in try parseNodes(nodesPath) }
            } else {
                names.store { () throws(TaxonomyError) in try parseNames(namesPath) }
            }
        }
        let parsedNodes = try nodes.take()
        let parsedNames = try names.take()
        let merged = try optional(path("merged.dmp")) { () throws(TaxonomyError) in try parseMerged(path("merged.dmp")) } ?? [:]
        let deleted = try optional(path("delnodes.dmp")) { () throws(TaxonomyError) in try parseDeleted(path("delnodes.dmp")) } ?? []
        return link(parsedNodes, parsedNames, merged: merged, deleted: deleted, namesPath: namesPath)
    }

    // MARK: - Files

    struct ParsedNodes: Sendable {
        var ids: [Int32] = []
        var parentIDs: [Int32] = []
        var ranks: [UInt8] = []
        var rankWords = WordInterner()
        /// Built on the reading thread once every node is in.
        var index: TaxIDIndex?
        var parents: [Int32] = []
    }

    struct ParsedNames: Sendable {
        var store = NameStore()
        var taxIDs: [Int32] = []
        var classes: [UInt8] = []
        var classWords = WordInterner()
        /// Built on the reading thread once every name is in.
        var index: NameIndex?
    }

    private static func parseNodes(_ path: String) throws(TaxonomyError) -> ParsedNodes {
        var parsed = ParsedNodes()
        let estimate = fileSize(path) / 60
        parsed.ids.reserveCapacity(estimate)
        parsed.parentIDs.reserveCapacity(estimate)
        parsed.ranks.reserveCapacity(estimate)
        var fields = [Range<Int>](repeating: 0..<0, count: 3)
        try LineReader(path: path).forEachLine { line, number throws(TaxonomyError) in
            if line.isEmpty { return }
            guard DumpFields.split(line, into: &fields, limit: 3) == 3,
                  let id = DumpFields.int32(line, fields[0]), let parent = DumpFields.int32(line, fields[1]) else {
                throw .malformed(file: path, line: number, reason: "a nodes.dmp line needs a tax id, a parent tax id and a rank",
                                 hint: "fields are separated by tab-pipe-tab")
            }
            parsed.ids.append(id)
            parsed.parentIDs.append(parent)
            parsed.ranks.append(parsed.rankWords.code(line, fields[2]))
        }
        let index = TaxIDIndex(ids: parsed.ids)
        parsed.parents = parsed.parentIDs.map { Int32(index.node(of: Int($0)) ?? -1) }
        parsed.index = index
        return parsed
    }

    private static func parseNames(_ path: String) throws(TaxonomyError) -> ParsedNames {
        var parsed = ParsedNames()
        let size = fileSize(path)
        parsed.store.reserve(bytes: size / 3, names: size / 45)
        parsed.taxIDs.reserveCapacity(size / 45)
        parsed.classes.reserveCapacity(size / 45)
        var fields = [Range<Int>](repeating: 0..<0, count: 4)
        try LineReader(path: path).forEachLine { line, number throws(TaxonomyError) in
            if line.isEmpty { return }
            guard DumpFields.split(line, into: &fields, limit: 4) == 4, let id = DumpFields.int32(line, fields[0]) else {
                throw .malformed(file: path, line: number, reason: "a names.dmp line needs a tax id, a name, a unique name and a name class",
                                 hint: "fields are separated by tab-pipe-tab; an empty unique name is still a field")
            }
            parsed.store.append(line, fields[1])
            parsed.taxIDs.append(id)
            parsed.classes.append(parsed.classWords.code(line, fields[3]))
        }
        parsed.index = NameIndex(parsed.store)
        return parsed
    }

    private static func parseMerged(_ path: String) throws(TaxonomyError) -> [Int32: Int32] {
        var merged: [Int32: Int32] = [:]
        var fields = [Range<Int>](repeating: 0..<0, count: 2)
        try LineReader(path: path).forEachLine { line, number throws(TaxonomyError) in
            if line.isEmpty { return }
            guard DumpFields.split(line, into: &fields, limit: 2) == 2,
                  let old = DumpFields.int32(line, fields[0]), let new = DumpFields.int32(line, fields[1]) else {
                throw .malformed(file: path, line: number, reason: "a merged.dmp line needs the old and the new tax id",
                                 hint: "fields are separated by tab-pipe-tab")
            }
            merged[old] = new
        }
        return merged
    }

    private static func parseDeleted(_ path: String) throws(TaxonomyError) -> Set<Int32> {
        var deleted = Set<Int32>()
        var fields = [Range<Int>](repeating: 0..<0, count: 1)
        try LineReader(path: path).forEachLine { line, number throws(TaxonomyError) in
            if line.isEmpty { return }
            guard DumpFields.split(line, into: &fields, limit: 1) == 1, let id = DumpFields.int32(line, fields[0]) else {
                throw .malformed(file: path, line: number, reason: "a delnodes.dmp line needs one tax id",
                                 hint: "each line is a tax id followed by tab-pipe")
            }
            deleted.insert(id)
        }
        return deleted
    }

    // MARK: - Linking

    private static func link(_ nodes: ParsedNodes, _ names: ParsedNames, merged: [Int32: Int32], deleted: Set<Int32>,
                             namesPath: String) -> NCBITaxdump {
        let index = nodes.index ?? TaxIDIndex(ids: nodes.ids)
        var scientific = [Int32](repeating: -1, count: nodes.ids.count)
        if let scientificCode = names.classWords.existingCode(for: "scientific name") {
            for (nameIndex, code) in names.classes.enumerated() where code == scientificCode {
                if let node = index.node(of: Int(names.taxIDs[nameIndex])), scientific[node] < 0 {
                    scientific[node] = Int32(nameIndex)
                }
            }
        }
        return NCBITaxdump(nodeIDs: nodes.ids, parentNodes: nodes.parents, nodeRanks: nodes.ranks,
                           rankWords: nodes.rankWords.words, scientificNames: scientific, names: names.store,
                           nameTaxIDs: names.taxIDs, nameClasses: names.classes, nameClassWords: names.classWords.words,
                           nameIndex: names.index ?? NameIndex(names.store), idIndex: index, mergedIDs: merged, deletedIDs: deleted)
    }

    private static func optional<T>(_ path: String, _ read: () throws(TaxonomyError) -> T) throws(TaxonomyError) -> T? {
        FileManager.default.fileExists(atPath: path) ? try read() : nil
    }

    /// The size of a file, for reserving capacity only (0 when it cannot be read; the read itself reports why).
    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}

/// A few distinct words (rank words, name classes) given small codes as they are met, found
/// again by comparing bytes so that no line allocates.
struct WordInterner: Sendable {
    private(set) var words: [String] = []
    private var wordBytes: [[UInt8]] = []
    private var lastCode = -1

    /// The code of the word in `range` of `line`, assigned on first sight (at most 256 words;
    /// further ones share the last code).
    mutating func code(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
        let bytes = UnsafeBufferPointer(rebasing: line[range])
        if lastCode >= 0, Self.equal(wordBytes[lastCode], bytes) { return UInt8(lastCode) }
        var code = wordBytes.firstIndex { Self.equal($0, bytes) }
        if code == nil {
            guard wordBytes.count < 256 else { return 255 }
            wordBytes.append(Array(bytes))
            words.append(String(decoding: bytes, as: UTF8.self))
            code = wordBytes.count - 1
        }
        lastCode = code!
        return UInt8(lastCode)
    }

    func existingCode(for word: String) -> UInt8? {
        words.firstIndex(of: word).map { UInt8($0) }
    }

    @inline(__always)
    private static func equal(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count == bytes.count else { return false }
        return word.withUnsafeBufferPointer { stored in
            stored.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
    }
}

/// Holds the result of work done on another thread until the caller takes it.
final class ResultSlot<Value: Sendable>: @unchecked Sendable {
    private var result: Result<Value, TaxonomyError>?
    private let lock = NSLock()

    func store(_ work: () throws(TaxonomyError) -> Value) {
        let outcome: Result<Value, TaxonomyError>
        do { outcome = .success(try work()) } catch { outcome = .failure(error) }
        lock.withLock { result = outcome }
    }

    func take() throws(TaxonomyError) -> Value {
        guard let result = lock.withLock({ self.result }) else {
            throw .io(file: "", reason: "a reader thread ended without a result")
        }
        return try result.get()
    }
}
