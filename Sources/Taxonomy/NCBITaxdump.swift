/// The NCBI Taxonomy as a taxdump describes it (`nodes.dmp`, `names.dmp`, `merged.dmp`,
/// `delnodes.dmp`), held compactly for millions of nodes and queried by tax id or by name.
/// Load it with ``NCBITaxdumpLoader``.
public struct NCBITaxdump: Sendable {
    /// What a taxdump says about a tax id.
    public enum TaxIDStatus: Sendable, Hashable {
        /// A current node.
        case current
        /// Merged into another id (`merged.dmp`), which is current when the dump is consistent.
        case merged(into: Int)
        /// Listed in `delnodes.dmp`.
        case deleted
        /// Not in the dump at all.
        case unknown
    }

    /// One level of a lineage built from the tree.
    public struct Level: Sendable, Hashable, Codable {
        public var taxID: Int
        public var name: String
        /// The rank word as `nodes.dmp` writes it (`genus`, `no rank`, `clade`).
        public var rank: String
    }

    /// A names.dmp entry that matched a queried name.
    public struct NameMatch: Sendable, Hashable {
        public var taxID: Int
        /// The name class (`scientific name`, `synonym`, `equivalent name`, …).
        public var nameClass: String
        public var isScientific: Bool { nameClass == "scientific name" }
    }

    let nodeIDs: [Int32]
    let parentNodes: [Int32]
    let nodeRanks: [UInt8]
    let rankWords: [String]
    let scientificNames: [Int32]
    let names: NameStore
    let nameTaxIDs: [Int32]
    let nameClasses: [UInt8]
    let nameClassWords: [String]
    let nameIndex: NameIndex
    let idIndex: TaxIDIndex
    let mergedIDs: [Int32: Int32]
    let deletedIDs: Set<Int32>

    /// The code of the `scientific name` class in ``nameClasses`` (`nil` when no name has it).
    var scientificClassCode: UInt8? { nameClassWords.firstIndex(of: "scientific name").map { UInt8($0) } }

    /// The number of nodes.
    public var nodeCount: Int { nodeIDs.count }
    /// The number of names of every class.
    public var nameCount: Int { names.count }
    /// The number of merged and of deleted ids.
    public var mergedCount: Int { mergedIDs.count }
    public var deletedCount: Int { deletedIDs.count }

    /// What the dump says about `taxID`.
    public func status(of taxID: Int) -> TaxIDStatus {
        if idIndex.node(of: taxID) != nil { return .current }
        if let id = Int32(exactly: taxID) {
            if let successor = mergedIDs[id] { return .merged(into: Int(successor)) }
            if deletedIDs.contains(id) { return .deleted }
        }
        return .unknown
    }

    /// The scientific name of a current node.
    public func scientificName(of taxID: Int) -> String? {
        idIndex.node(of: taxID).flatMap(scientificName(node:))
    }

    /// The rank word of a current node.
    public func rank(of taxID: Int) -> String? {
        idIndex.node(of: taxID).map { rankWords[Int(nodeRanks[$0])] }
    }

    /// The lineage of a current node from the top of the tree down to the node itself; the
    /// root (the node that is its own parent) is left out, as taxonkit and taxpasta print it.
    /// `nil` for an id that is not a current node.
    public func lineage(of taxID: Int) -> [Level]? {
        guard var node = idIndex.node(of: taxID) else { return nil }
        var levels: [Level] = []
        for _ in 0..<Self.maximumDepth {
            let parent = Int(parentNodes[node])
            if parent == node || parent < 0 { break }
            levels.append(level(node: node))
            node = parent
        }
        return levels.reversed()
    }

    /// Every names.dmp entry whose text is exactly `name`, of every name class (homonyms
    /// give several tax ids; `Drosophila` is a genus, a subgenus and a fungal genus).
    public func matches(forName name: String) -> [NameMatch] {
        var found: [NameMatch] = []
        nameIndex.forEachMatch(of: name, in: names) { index in
            found.append(NameMatch(taxID: Int(nameTaxIDs[index]), nameClass: nameClassWords[Int(nameClasses[index])]))
        }
        return found
    }

    /// Whether any name of `taxID`'s ancestors (itself included) equals one of `names`.
    public func hasAncestor(of taxID: Int, namedAnyOf names: Set<String>) -> Bool {
        guard !names.isEmpty, let levels = lineage(of: taxID) else { return false }
        return levels.contains { names.contains($0.name) }
    }

    /// Guards lineage walks against a cyclic (corrupt) dump.
    static let maximumDepth = 512

    private func level(node: Int) -> Level {
        Level(taxID: Int(nodeIDs[node]), name: scientificName(node: node) ?? "", rank: rankWords[Int(nodeRanks[node])])
    }

    private func scientificName(node: Int) -> String? {
        let index = scientificNames[node]
        return index >= 0 ? names.name(Int(index)) : nil
    }
}
