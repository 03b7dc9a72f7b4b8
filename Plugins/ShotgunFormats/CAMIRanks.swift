import ProfileModel

/// CAMI's rank names and the hub's ranks (CAMI uses NCBI's: `superkingdom` is the domain level).
enum CAMIRanks {
    /// The ranks the hub writes in `@Ranks`, in order.
    static let written: [(name: String, rank: Rank)] = [
        ("superkingdom", .domain), ("phylum", .phylum), ("class", .class), ("order", .order),
        ("family", .family), ("genus", .genus), ("species", .species), ("strain", .strain),
    ]

    /// The hub's rank for a CAMI rank name; `unranked` for names it does not know.
    static func rank(_ name: String) -> Rank {
        Rank(name: name) ?? .unranked
    }

    /// The CAMI rank name of a hub rank; kingdom counts as superkingdom (Greengenes' `k__Bacteria`
    /// is the domain level); `nil` for unranked.
    static func name(_ rank: Rank) -> String? {
        rank == .kingdom ? "superkingdom" : written.first { $0.rank == rank }?.name
    }
}
