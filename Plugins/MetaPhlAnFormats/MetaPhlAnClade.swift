import FormatKit
import ProfileModel

/// One MetaPhlAn clade row turned into a taxon: the `clade_name` lineage, the NCBI tax id path,
/// and the rows for reads or mass MetaPhlAn could not place.
enum MetaPhlAnClade {
    /// Clade names MetaPhlAn writes for what it could not place: `UNKNOWN` (MetaPhlAn 2 and 3,
    /// `--unknown_estimation`), `UNCLASSIFIED` (MetaPhlAn 4) and `unclassified` (MetaPhlAn 2's merged tables).
    static let unplacedNames: Set<String> = ["UNKNOWN", "UNCLASSIFIED", "unclassified"]

    /// The taxon of `clade` with its optional tax id path (`2|1224|1236`, `-1` for unplaced rows).
    static func taxon(clade: String, taxIDPath: String?, at location: SourceLocation) throws(ImportError) -> Taxon {
        if unplacedNames.contains(clade) {
            return Taxon(id: clade, label: clade, lineage: Lineage([LineageEntry(rank: .unranked, name: clade)]) ?? Lineage())
        }
        guard let lineage = LineageParser.parseMPAClade(clade) else {
            throw .invalidValue(location, value: clade, reason: "is not a MetaPhlAn clade name (rank-prefixed levels such as k__Bacteria joined by '|')")
        }
        var taxon = Taxon(id: clade, label: clade, lineage: lineage)
        if let taxIDPath, !taxIDPath.isEmpty, taxIDPath != "-1" {
            let ids = taxIDPath.split(separator: "|", omittingEmptySubsequences: false).map { $0.isEmpty ? nil : String($0) }
            taxon.levelTaxonIDs = ids
            if ids.count == lineage.entries.count, let last = ids.last, let last {
                taxon.taxonID = TaxonID(system: "ncbi", value: last)
            }
        }
        return taxon
    }

    /// Fails when a clade's immediate sub-clades hold more than the clade (MetaPhlAn prints five
    /// decimals, so 0.01 percentage points of rounding are allowed); warns when rows further
    /// below do, which happens where a profile leaves out intermediate rows.
    static func checkNesting(_ table: ProfileTable, input: ImportInput) throws(ImportError) -> ProfileTable {
        if let excess = table.cladesExceededByChildren(slack: 0.01, immediateOnly: true).first {
            let clade = table.taxa[excess.taxon]
            throw .invalidValue(input.location(), value: clade.label,
                                reason: "holds \(NumberFormatting.shortest(table.value(sample: excess.sample, taxon: excess.taxon))) in sample '\(table.samples[excess.sample].id)' but its sub-clades sum to \(NumberFormatting.shortest(excess.childSum)); clade-cumulative values cannot be right")
        }
        return table.flaggingCladesExceededByChildren(slack: 0.01) { count, first, value in
            "\(count) clade(s) hold less than the rows below them (intermediate rows are missing); first: \(NumberFormatting.shortest(first.childSum)) below \(NumberFormatting.shortest(value))"
        }
    }

    /// Whether a `clade_name` cell is a MetaPhlAn clade: an mpa lineage with MetaPhlAn's
    /// double-underscore prefixes, or an unplaced row.
    static func isClade(_ cell: some StringProtocol) -> Bool {
        unplacedNames.contains(String(cell)) || (cell.contains("__") && LineageParser.looksLikeMPAClade(cell))
    }
}
