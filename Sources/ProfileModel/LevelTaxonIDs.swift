/// The tax id of every level of a taxon's lineage, for formats that give one per level
/// (MetaPhlAn's `2|1224|1236`, a Kraken report's indentation, CAMI's `TAXPATH`).
///
/// Until lineage entries carry their own ids, the path is kept in taxon metadata under
/// ``Taxon/levelTaxonIDsKey``, one id per lineage entry joined by `|`, an empty id where the
/// source gives none. Every importer and exporter goes through these two members, so the
/// storage can move in one place.
extension Taxon {
    /// The metadata key of the per-level tax id path.
    public static let levelTaxonIDsKey = "taxid-path"

    /// The tax id of each lineage entry (`nil` where the source gives none), or `nil` when
    /// the taxon carries no path.
    public var levelTaxonIDs: [String?]? {
        get {
            guard case .string(let path)? = metadata[Self.levelTaxonIDsKey] else { return nil }
            return path.split(separator: "|", omittingEmptySubsequences: false).map { $0.isEmpty ? nil : String($0) }
        }
        set {
            guard let ids = newValue, ids.contains(where: { $0 != nil }) else {
                metadata[Self.levelTaxonIDsKey] = nil
                return
            }
            metadata[Self.levelTaxonIDsKey] = .string(ids.map { $0 ?? "" }.joined(separator: "|"))
        }
    }
}
