/// One level of a lineage: a rank and the name the source gave it at that rank.
///
/// An empty `name` records that the source wrote the rank but left it unresolved
/// (Greengenes' `f__; g__`), so that exporters can write the lineage back as it was.
public struct LineageEntry: Sendable, Hashable, Codable {
    public var rank: Rank
    public var name: String

    public init(rank: Rank, name: String) {
        self.rank = rank
        self.name = name
    }
}

/// An ordered classification from domain towards strain.
///
/// Ranked entries appear in rank order with no rank twice; `unranked` entries may sit
/// anywhere between them. ``ProfileTableBuilder`` rejects lineages that break this rule.
public struct Lineage: Sendable, Hashable, Codable {
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

    /// Whether `self` is a strict ancestor of `other` (its named entries are a strict prefix of the other's).
    public func isAncestor(of other: Lineage) -> Bool {
        let mine = named
        let theirs = other.named
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

    public init(from decoder: any Decoder) throws {
        let entries = try decoder.singleValueContainer().decode([LineageEntry].self)
        guard Lineage.isRankOrdered(entries) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "lineage ranks are out of order"))
        }
        self.entries = entries
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }

    /// A copy with one more entry appended; `nil` if it would break rank order.
    public func appending(_ entry: LineageEntry) -> Lineage? {
        Lineage(entries + [entry])
    }
}
