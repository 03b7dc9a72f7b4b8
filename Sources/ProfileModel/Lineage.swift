/// One level of a lineage: a rank, the name the source gave it at that rank, and the level's
/// own tax id when the source gives the id path (Kraken, ganon and MetaPhlAn reports do), in
/// the taxon's id system.
///
/// An empty `name` records that the source wrote the rank but left it unresolved
/// (Greengenes' `f__; g__`), so that exporters can write the lineage back as it was.
public struct LineageEntry: Sendable, Hashable {
    public var rank: Rank
    public var name: String
    /// This level's identifier in the taxon's id system (`816` for the genus of `ncbi:817`).
    public var id: String?

    public init(rank: Rank, name: String, id: String? = nil) {
        self.rank = rank
        self.name = name
        self.id = id
    }

    /// The level without its id: what two lineages compare on when one source gives ids and another does not.
    public var withoutID: LineageEntry { LineageEntry(rank: rank, name: name) }
}

/// An ordered classification from domain towards strain.
///
/// Ranked entries appear in rank order with no rank twice; `unranked` entries may sit
/// anywhere between them. ``ProfileTableBuilder`` rejects lineages that break this rule.
public struct Lineage: Sendable, Hashable {
    public private(set) var entries: [LineageEntry]

    /// An empty lineage (a taxon known only by its label).
    public init() { entries = [] }

    /// A lineage from entries; returns `nil` when ranked entries are out of order or repeated.
    public init?(_ entries: [LineageEntry]) {
        guard Lineage.isRankOrdered(entries) else { return nil }
        self.entries = entries
    }

    /// A lineage from `(rank, name)` pairs; returns `nil` when out of rank order.
    public init?(_ pairs: [(Rank, String)]) {
        self.init(pairs.map { LineageEntry(rank: $0.0, name: $0.1) })
    }

    /// Whether ranked entries strictly increase in depth.
    public static func isRankOrdered(_ entries: [LineageEntry]) -> Bool {
        var last = -1
        for entry in entries {
            guard let depth = entry.rank.depth else { continue }
            if depth <= last { return false }
            last = depth
        }
        return true
    }

    /// The entries that carry a name.
    public var named: [LineageEntry] { entries.filter { !$0.name.isEmpty } }

    /// The deepest entry that carries a name.
    public var deepestNamed: LineageEntry? { entries.last { !$0.name.isEmpty } }

    /// The deepest ranked level that carries a name.
    public var deepestRank: Rank? { entries.last { !$0.name.isEmpty && $0.rank != .unranked }?.rank }

    /// The name at `rank`, if the lineage has a non-empty one.
    public func name(at rank: Rank) -> String? {
        entries.first { $0.rank == rank && !$0.name.isEmpty }?.name
    }

    /// Whether the lineage has no entries at all.
    public var isEmpty: Bool { entries.isEmpty }

    /// The named entries without their ids: the path that places a taxon in a tree.
    public var namedPath: [LineageEntry] { entries.compactMap { $0.name.isEmpty ? nil : $0.withoutID } }

    /// Whether `self` is a strict ancestor of `other` (its named path is a strict prefix of the other's).
    public func isAncestor(of other: Lineage) -> Bool {
        let mine = namedPath
        let theirs = other.namedPath
        return mine.count < theirs.count && Array(theirs.prefix(mine.count)) == mine
    }

    /// The lineage cut after `rank` (entries deeper than `rank` removed); unranked entries before the cut stay.
    public func truncated(after rank: Rank) -> Lineage {
        guard let depth = rank.depth else { return self }
        var kept: [LineageEntry] = []
        for entry in entries {
            if let entryDepth = entry.rank.depth, entryDepth > depth { break }
            kept.append(entry)
        }
        var copy = self
        copy.entries = kept
        return copy
    }

    /// A copy with one more entry appended; `nil` if it would break rank order.
    public func appending(_ entry: LineageEntry) -> Lineage? {
        Lineage(entries + [entry])
    }
}
