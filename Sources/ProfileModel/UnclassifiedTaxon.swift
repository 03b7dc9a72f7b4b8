extension Taxon {
    /// The feature id of a table's unclassified mass: the reads or share a classifier could not
    /// place anywhere (Kraken's `U` row, tax id `0`, a lab report's "nicht klassifiziert" line).
    public static let unclassifiedID = "unclassified"

    /// The taxon that holds a table's unclassified mass: id ``unclassifiedID``, one unranked
    /// lineage level named by `label`, no taxon id, and `label` kept exactly as the source wrote it.
    public static func unclassified(label: String = unclassifiedID) -> Taxon {
        Taxon(id: unclassifiedID, label: label,
              lineage: Lineage([LineageEntry(rank: .unranked, name: label)]) ?? Lineage())
    }
}
