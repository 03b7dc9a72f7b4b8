import ProfileModel

/// Resolves an NCBI tax id through a taxdump: a current id gets its full lineage, a merged id
/// its successor's, and a deleted or unknown id is reported and kept as it was, never dropped or
/// sent to the root (taxonkit issue 19 and TreeSAPP issue 99 show users hitting both).
struct TaxIDResolution {
    let taxdump: NCBITaxdump

    func resolve(_ value: String, into work: inout ResolutionWork) {
        guard let id = Int(value), id > 0 else {
            work.record(.unresolved, "tax id '\(value)' is not an NCBI tax id (MetaPhlAn writes -1 for its unknown row)",
                        source: "the input")
            return
        }
        switch taxdump.status(of: id) {
        case .current:
            fill(id, into: &work)
            work.record(.exact, "tax id \(id) is a current node (\(taxdump.scientificName(of: id) ?? "no scientific name"))",
                        source: "nodes.dmp")
        case let .merged(successor):
            guard taxdump.status(of: successor) == .current else {
                work.record(.unresolved, "tax id \(id) was merged into \(successor), which is not a current node",
                            source: "merged.dmp")
                return
            }
            fill(successor, into: &work)
            work.record(.mergedTaxID, "tax id \(id) was merged into \(successor) (\(taxdump.scientificName(of: successor) ?? ""))",
                        source: "merged.dmp")
        case .deleted:
            work.record(.unresolved, "tax id \(id) was deleted; the taxon keeps its original label and lineage",
                        source: "delnodes.dmp")
        case .unknown:
            work.record(.unresolved, "tax id \(id) is neither a node, a merged id nor a deleted id of this taxdump",
                        source: "nodes.dmp, merged.dmp, delnodes.dmp")
        }
    }

    /// Sets the ranked lineage, the tax id and the full name, id and rank lineages (as
    /// taxpasta's `--add-lineage`, `--add-id-lineage` and `--add-rank-lineage` give them).
    private func fill(_ id: Int, into work: inout ResolutionWork) {
        guard let levels = taxdump.lineage(of: id) else { return }
        let ranked = TaxdumpLineage.ranked(levels)
        if ranked != work.taxon.lineage {
            work.record(.lineageFromTaxID, "lineage from tax id \(id): \(LineageFormatter.prefixed(ranked))", source: "nodes.dmp, names.dmp")
        }
        work.taxon.lineage = ranked
        work.taxon.taxonID = TaxonID(system: "ncbi", value: String(id))
        for (key, value) in TaxdumpLineage.metadata(levels) { work.taxon.metadata[key] = .string(value) }
        work.lineageSettled = true
    }
}

/// Turns taxdump levels into the hub's lineage and into taxpasta-style lineage columns.
public enum TaxdumpLineage {
    /// The levels at the hub's ranks, in order; rankless levels and repeated ranks are left out.
    public static func ranked(_ levels: [NCBITaxdump.Level]) -> Lineage {
        LineageParser.fromNCBI(levels: levels.map { ($0.name, $0.rank) }, keepingRankless: false)
    }

    /// The name, id and rank lineages, each joined by `;`.
    public static func metadata(_ levels: [NCBITaxdump.Level]) -> [String: String] {
        ["ncbi-lineage": levels.map(\.name).joined(separator: ";"),
         "ncbi-id-lineage": levels.map { String($0.taxID) }.joined(separator: ";"),
         "ncbi-rank-lineage": levels.map(\.rank).joined(separator: ";")]
    }
}
