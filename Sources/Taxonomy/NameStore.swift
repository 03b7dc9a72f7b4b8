import Foundation

/// Many names stored back to back in one byte buffer, looked up by exact bytes through an
/// open-addressing hash table: four million `names.dmp` names cost one allocation for their text
/// instead of one `String` each.
struct NameStore: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [UInt32] = [0]

    var count: Int { starts.count - 1 }

    mutating func reserve(bytes byteCount: Int, names nameCount: Int) {
        bytes.reserveCapacity(byteCount)
        starts.reserveCapacity(nameCount + 1)
    }

    mutating func append(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[range]))
        starts.append(UInt32(bytes.count))
    }

    func name(_ index: Int) -> String {
        let range = Int(starts[index])..<Int(starts[index + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    @inline(__always)
    func matches(_ index: Int, _ query: UnsafeBufferPointer<UInt8>, in storage: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[index]), end = Int(starts[index + 1])
        guard end - start == query.count else { return false }
        guard let base = storage.baseAddress, let queryBase = query.baseAddress else { return query.isEmpty }
        return memcmp(base + start, queryBase, query.count) == 0
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}

/// The hash table over a ``NameStore``: every name, homonyms and repeated synonyms included.
struct NameIndex: Sendable {
    private let slots: [Int32]
    private let mask: Int

    init(_ store: NameStore) {
        var capacity = 16
        while capacity < store.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        store.bytes.withUnsafeBufferPointer { storage in
            slots.withUnsafeMutableBufferPointer { table in
                for index in 0..<store.count {
                    let range = Int(store.starts[index])..<Int(store.starts[index + 1])
                    var slot = Int(truncatingIfNeeded: NameStore.hash(UnsafeBufferPointer(rebasing: storage[range]))) & mask
                    while table[slot] >= 0 { slot = (slot + 1) & mask }
                    table[slot] = Int32(index)
                }
            }
        }
        self.slots = slots
        self.mask = mask
    }

    /// Calls `body` with the index of every stored name equal to `query`.
    func forEachMatch(of query: String, in store: NameStore, _ body: (Int) -> Void) {
        var query = query
        query.withUTF8 { forEachMatch(of: $0, in: store, body) }
    }

    /// Replaces the contents of `matches` with the index of every stored name whose bytes equal
    /// `query`; the caller's buffer is reused, so a lookup allocates nothing.
    func collectMatches(of query: UnsafeBufferPointer<UInt8>, in store: NameStore, into matches: inout [Int32]) {
        matches.removeAll(keepingCapacity: true)
        store.bytes.withUnsafeBufferPointer { storage in
            store.starts.withUnsafeBufferPointer { starts in
                slots.withUnsafeBufferPointer { table in
                    var slot = Int(truncatingIfNeeded: NameStore.hash(query)) & mask
                    while true {
                        let candidate = Int(table[slot])
                        if candidate < 0 { return }
                        let start = Int(starts[candidate]), end = Int(starts[candidate + 1])
                        if end - start == query.count,
                           query.isEmpty || memcmp(storage.baseAddress! + start, query.baseAddress!, query.count) == 0 {
                            matches.append(Int32(candidate))
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Calls `body` with the index of every stored name whose bytes equal `query`.
    func forEachMatch(of query: UnsafeBufferPointer<UInt8>, in store: NameStore, _ body: (Int) -> Void) {
        store.bytes.withUnsafeBufferPointer { storage in
            slots.withUnsafeBufferPointer { table in
                var slot = Int(truncatingIfNeeded: NameStore.hash(query)) & mask
                while true {
                    let candidate = Int(table[slot])
                    if candidate < 0 { return }
                    if store.matches(candidate, query, in: storage) { body(candidate) }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}

extension NameStore {
    /// Appends the bytes of name `index` to `output`.
    @inline(__always)
    func appendName(_ index: Int, to output: inout [UInt8]) {
        let range = Int(starts[index])..<Int(starts[index + 1])
        bytes.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
