/// Looks up one query (a tax id or a name) in a taxdump and writes its lineage as a TSV row
/// straight from the dump's storage: the fast path behind `mhub taxonomy lineage`, where
/// millions of queries are answered without building a `String` per level.
public struct TaxdumpQuery: Sendable {
    /// What a query matched.
    public enum Outcome: Sendable, Hashable {
        /// A current tax id, or a name that names exactly one taxon (with the class it matched).
        case found(taxID: Int, nameClass: String?)
        /// A tax id merged into a current one.
        case merged(from: Int, into: Int)
        /// A tax id listed in `delnodes.dmp`.
        case deleted(Int)
        /// A name naming several taxa.
        case ambiguous([Int])
        /// A tax id or name the dump does not know.
        case notFound
    }

    /// The optional columns of a row, as taxpasta's `--add-name`, `--add-rank`, `--add-lineage`,
    /// `--add-id-lineage` and `--add-rank-lineage` add them; `query`, `status` and
    /// `taxonomy_id` are always written.
    public struct Columns: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let name = Columns(rawValue: 1)
        public static let rank = Columns(rawValue: 2)
        public static let lineage = Columns(rawValue: 4)
        public static let idLineage = Columns(rawValue: 8)
        public static let rankLineage = Columns(rawValue: 16)
        public static let all: Columns = [.name, .rank, .lineage, .idLineage, .rankLineage]

        /// Every optional column with its TSV header, in row order.
        public static let headers: [(column: Columns, header: String)] =
            [(.name, "name"), (.rank, "rank"), (.lineage, "lineage"), (.idLineage, "id_lineage"), (.rankLineage, "rank_lineage")]

        /// The column with this header, if any.
        public init?(header: String) {
            guard let match = Columns.headers.first(where: { $0.header == header }) else { return nil }
            self = match.column
        }
    }

    /// The TSV columns of every row, with all optional columns.
    public static let columns = ["query", "status", "taxonomy_id"] + Columns.headers.map(\.header)

    public let taxdump: NCBITaxdump
    /// The optional columns written.
    public let columns: Columns
    /// The TSV header of the rows this query writes.
    public var header: [String] { ["query", "status", "taxonomy_id"] + Columns.headers.filter { columns.contains($0.column) }.map(\.header) }
    /// The rank words as bytes, by rank code.
    let rankBytes: [[UInt8]]
    /// The length of the longest rank word, for measuring rows.
    let longestRank: Int

    /// The code of the `scientific name` class.
    let scientificClassCode: UInt8?

    public init(taxdump: NCBITaxdump, columns: Columns = .all) {
        self.taxdump = taxdump
        self.columns = columns
        scientificClassCode = taxdump.scientificClassCode
        rankBytes = taxdump.rankWords.map { Array($0.utf8) }
        longestRank = rankBytes.map(\.count).max() ?? 0
    }

    /// What `query` matches: digits are a tax id, anything else a name of any class
    /// (scientific names preferred over synonyms when both match).
    public func outcome(for query: Substring) -> Outcome {
        var text = String(query)
        return text.withUTF8(outcome(forBytes:))
    }

    /// ``outcome(for:)`` on the UTF-8 bytes of a query.
    public func outcome(forBytes query: UnsafeBufferPointer<UInt8>) -> Outcome {
        var matches: [Int32] = []
        return outcome(forBytes: query, matches: &matches)
    }

    /// ``outcome(forBytes:)`` with a caller's scratch buffer for the name matches.
    func outcome(forBytes query: UnsafeBufferPointer<UInt8>, matches: inout [Int32]) -> Outcome {
        if let id = Self.decimal(query) {
            switch taxdump.status(of: id) {
            case .current: return .found(taxID: id, nameClass: nil)
            case let .merged(successor):
                return taxdump.status(of: successor) == .current ? .merged(from: id, into: successor) : .notFound
            case .deleted: return .deleted(id)
            case .unknown: return .notFound
            }
        }
        taxdump.nameIndex.collectMatches(of: query, in: taxdump.names, into: &matches)
        guard !matches.isEmpty else { return .notFound }
        // Scientific names first; nearly every name matches one entry, so the common case
        // decides without collecting ids.
        let scientificCode = scientificClassCode
        return taxdump.nameTaxIDs.withUnsafeBufferPointer { taxIDs in
            taxdump.nameClasses.withUnsafeBufferPointer { classes in
                if matches.count == 1 {
                    let index = Int(matches[0])
                    let code = classes[index]
                    return .found(taxID: Int(taxIDs[index]),
                                  nameClass: code == scientificCode ? "scientific name" : taxdump.nameClassWords[Int(code)])
                }
                var scientific: [Int32] = [], other: [Int32] = []
                var otherClass: UInt8 = 0
                for match in matches {
                    let index = Int(match), id = taxIDs[index]
                    if classes[index] == scientificCode {
                        if !scientific.contains(id) { scientific.append(id) }
                    } else if !other.contains(id) {
                        other.append(id)
                        otherClass = classes[index]
                    }
                }
                let ids = scientific.isEmpty ? other : scientific
                if ids.count == 1 {
                    return .found(taxID: Int(ids[0]), nameClass: scientific.isEmpty ? taxdump.nameClassWords[Int(otherClass)] : "scientific name")
                }
                return .ambiguous(ids.map(Int.init).sorted())
            }
        }
    }

    /// The value of a query made only of ASCII digits (at most 18), else `nil`.
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// Appends the TSV row for `query` (without a line break) to `output`.
    public func appendRow(for query: Substring, to output: inout [UInt8]) {
        var text = String(query)
        text.withUTF8 { bytes in
            withRowWriter { writer in
                writer.appendRow(for: bytes)
                output.append(contentsOf: writer.output)
            }
        }
    }

    /// Runs `body` with a writer that answers many queries straight from the dump's storage;
    /// the rows it appends stay in `writer.output`.
    public func withRowWriter<Result>(reusing output: [UInt8] = [], _ body: (inout RowWriter) -> Result) -> Result {
        taxdump.parentNodes.withUnsafeBufferPointer { parents in
            taxdump.nodeIDs.withUnsafeBufferPointer { ids in
                taxdump.nodeRanks.withUnsafeBufferPointer { ranks in
                    taxdump.scientificNames.withUnsafeBufferPointer { scientific in
                        taxdump.names.starts.withUnsafeBufferPointer { starts in
                            taxdump.names.bytes.withUnsafeBufferPointer { bytes in
                                var writer = RowWriter(query: self, parents: parents, ids: ids, ranks: ranks, scientific: scientific,
                                                       nameStarts: starts, nameBytes: bytes, output: output)
                                return body(&writer)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes TSV rows for queries, reading the dump through pointers valid inside
    /// ``TaxdumpQuery/withRowWriter(reusing:_:)`` only.
    public struct RowWriter {
        let query: TaxdumpQuery
        let parents: UnsafeBufferPointer<Int32>
        let ids: UnsafeBufferPointer<Int32>
        let ranks: UnsafeBufferPointer<UInt8>
        let scientific: UnsafeBufferPointer<Int32>
        let nameStarts: UnsafeBufferPointer<UInt32>
        let nameBytes: UnsafeBufferPointer<UInt8>
        /// The rows written so far, each ended by a line break.
        public var output: [UInt8]
        private var path: [Int32] = []
        private var matches: [Int32] = []

        init(query: TaxdumpQuery, parents: UnsafeBufferPointer<Int32>, ids: UnsafeBufferPointer<Int32>,
             ranks: UnsafeBufferPointer<UInt8>, scientific: UnsafeBufferPointer<Int32>, nameStarts: UnsafeBufferPointer<UInt32>,
             nameBytes: UnsafeBufferPointer<UInt8>, output: [UInt8]) {
            self.query = query
            self.parents = parents
            self.ids = ids
            self.ranks = ranks
            self.scientific = scientific
            self.nameStarts = nameStarts
            self.nameBytes = nameBytes
            self.output = output
        }
    }
}

extension TaxdumpQuery.RowWriter {
    /// Appends the row for `query` and a line break.
    public mutating func appendRow(for query: UnsafeBufferPointer<UInt8>) {
        output.append(contentsOf: query)
        output.append(0x09)
        switch self.query.outcome(forBytes: query, matches: &matches) {
        case let .found(id, nameClass):
            output.append(contentsOf: (nameClass.map { $0 == "scientific name" ? "found" : "found-as-\($0)" } ?? "current").utf8)
            appendNode(id)
        case let .merged(_, successor):
            output.append(contentsOf: "merged".utf8)
            appendNode(successor)
        case let .deleted(id):
            output.append(contentsOf: "deleted\t".utf8)
            Self.appendDecimal(id, to: &output)
            appendEmptyColumns()
        case let .ambiguous(ids):
            output.append(contentsOf: "ambiguous\t\(ids.map(String.init).joined(separator: ","))".utf8)
            appendEmptyColumns()
        case .notFound:
            output.append(contentsOf: "not-found\t".utf8)
            appendEmptyColumns()
        }
        output.append(0x0A)
    }

    private mutating func appendEmptyColumns() {
        for (column, _) in TaxdumpQuery.Columns.headers where query.columns.contains(column) { output.append(0x09) }
    }

    /// Writes the node's columns: the space is measured first, then every byte is written
    /// through one pointer, since a row of a deep lineage has about a hundred small pieces.
    private mutating func appendNode(_ id: Int) {
        guard let node = query.taxdump.idIndex.node(of: id) else { return }
        path.removeAll(keepingCapacity: true)
        var current = node
        var needed = 64 + query.longestRank
        let walks = !query.columns.isDisjoint(with: [.lineage, .idLineage, .rankLineage])
        for _ in 0..<(walks ? NCBITaxdump.maximumDepth : 0) {
            let parent = Int(parents[current])
            if parent == current || parent < 0 { break }
            path.append(Int32(current))
            needed += nameLength(current) + 13 + query.longestRank
            current = parent
        }
        needed += nameLength(node)
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: needed))
        let written = output.withUnsafeMutableBufferPointer { buffer -> Int in
            var cursor = buffer.baseAddress! + start
            func put(_ byte: UInt8) {
                cursor.pointee = byte
                cursor += 1
            }
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                cursor.update(from: base, count: bytes.count)
                cursor += bytes.count
            }
            func putName(_ node: Int) {
                let index = Int(scientific[node])
                guard index >= 0 else { return }
                put(UnsafeBufferPointer(rebasing: nameBytes[Int(nameStarts[index])..<Int(nameStarts[index + 1])]))
            }
            func putDecimal(_ value: Int) {
                var rest = max(0, value), count = 0
                repeat { count += 1; rest /= 10 } while rest > 0
                rest = max(0, value)
                for position in stride(from: count - 1, through: 0, by: -1) {
                    cursor[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                cursor += count
            }
            func putRank(_ node: Int) {
                query.rankBytes[Int(ranks[node])].withUnsafeBufferPointer { put($0) }
            }
            let levels = path.count
            let columns = query.columns
            put(0x09); putDecimal(id)
            if columns.contains(.name) { put(0x09); putName(node) }
            if columns.contains(.rank) { put(0x09); putRank(node) }
            if columns.contains(.lineage) {
                put(0x09)
                for position in stride(from: levels - 1, through: 0, by: -1) {
                    if position < levels - 1 { put(UInt8(ascii: ";")) }
                    putName(Int(path[position]))
                }
            }
            if columns.contains(.idLineage) {
                put(0x09)
                for position in stride(from: levels - 1, through: 0, by: -1) {
                    if position < levels - 1 { put(UInt8(ascii: ";")) }
                    putDecimal(Int(ids[Int(path[position])]))
                }
            }
            if columns.contains(.rankLineage) {
                put(0x09)
                for position in stride(from: levels - 1, through: 0, by: -1) {
                    if position < levels - 1 { put(UInt8(ascii: ";")) }
                    putRank(Int(path[position]))
                }
            }
            return cursor - (buffer.baseAddress! + start)
        }
        output.removeLast(needed - written)
    }

    @inline(__always)
    private func nameLength(_ node: Int) -> Int {
        let index = Int(scientific[node])
        return index >= 0 ? Int(nameStarts[index + 1] - nameStarts[index]) : 0
    }

    /// Writes a non-negative integer in decimal without going through `String`.
    @inline(__always)
    private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = max(0, value)
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }
}
