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

    /// The TSV columns of ``appendRow(for:to:)``, as taxpasta names the lineage columns.
    public static let columns = ["query", "status", "taxonomy_id", "name", "rank", "lineage", "id_lineage", "rank_lineage"]

    public let taxdump: NCBITaxdump

    public init(taxdump: NCBITaxdump) {
        self.taxdump = taxdump
    }

    /// What `query` matches: digits are a tax id, anything else a name of any class
    /// (scientific names preferred over synonyms when both match).
    public func outcome(for query: Substring) -> Outcome {
        if let id = Int(query), id >= 0 {
            switch taxdump.status(of: id) {
            case .current: return .found(taxID: id, nameClass: nil)
            case let .merged(successor):
                return taxdump.status(of: successor) == .current ? .merged(from: id, into: successor) : .notFound
            case .deleted: return .deleted(id)
            case .unknown: return .notFound
            }
        }
        let matches = taxdump.matches(forName: String(query))
        let scientific = Set(matches.filter(\.isScientific).map(\.taxID))
        let all = scientific.isEmpty ? Set(matches.map(\.taxID)) : scientific
        switch all.count {
        case 0: return .notFound
        case 1:
            let id = all.first!
            return .found(taxID: id, nameClass: matches.first { $0.taxID == id }?.nameClass)
        default: return .ambiguous(all.sorted())
        }
    }

    /// Appends the TSV row for `query` (without a line break) to `output`.
    public func appendRow(for query: Substring, to output: inout [UInt8]) {
        output.append(contentsOf: query.utf8)
        output.append(0x09)
        switch outcome(for: query) {
        case let .found(id, nameClass):
            output.append(contentsOf: (nameClass.map { $0 == "scientific name" ? "found" : "found-as-\($0)" } ?? "current").utf8)
            appendNode(id, to: &output)
        case let .merged(_, successor):
            output.append(contentsOf: "merged".utf8)
            appendNode(successor, to: &output)
        case let .deleted(id):
            output.append(contentsOf: "deleted\t\(id)\t\t\t\t\t".utf8)
        case let .ambiguous(ids):
            output.append(contentsOf: "ambiguous\t\(ids.map(String.init).joined(separator: ","))\t\t\t\t\t".utf8)
        case .notFound:
            output.append(contentsOf: "not-found\t\t\t\t\t\t".utf8)
        }
    }

    private func appendNode(_ id: Int, to output: inout [UInt8]) {
        guard let node = taxdump.idIndex.node(of: id) else { return }
        var path: [Int] = []
        var current = node
        for _ in 0..<NCBITaxdump.maximumDepth {
            let parent = Int(taxdump.parentNodes[current])
            if parent == current || parent < 0 { break }
            path.append(current)
            current = parent
        }
        path.reverse()
        output.append(0x09)
        output.append(contentsOf: String(id).utf8)
        output.append(0x09)
        appendName(node, to: &output)
        output.append(0x09)
        output.append(contentsOf: taxdump.rankWords[Int(taxdump.nodeRanks[node])].utf8)
        output.append(0x09)
        for (position, level) in path.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ";")) }
            appendName(level, to: &output)
        }
        output.append(0x09)
        for (position, level) in path.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ";")) }
            output.append(contentsOf: String(taxdump.nodeIDs[level]).utf8)
        }
        output.append(0x09)
        for (position, level) in path.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ";")) }
            output.append(contentsOf: taxdump.rankWords[Int(taxdump.nodeRanks[level])].utf8)
        }
    }

    private func appendName(_ node: Int, to output: inout [UInt8]) {
        let index = taxdump.scientificNames[node]
        if index >= 0 { taxdump.names.appendName(Int(index), to: &output) }
    }
}
