import FormatKit
import ProfileModel

/// Writes one clade-cumulative sample as a MetaPhlAn 3/4 profile (four columns, percent).
///
/// Rows whose deepest level has no standard rank are left out (their mass stays in the ranked
/// clade above them); a top-level row with no ranked level at all (an `unclassified` row) is
/// written as MetaPhlAn 4's `UNCLASSIFIED` with tax id `-1`.
struct MetaPhlAnProfileWriter: Sendable {
    let table: ProfileTable
    /// The table in percent.
    private let percent: ProfileTable

    /// A writer for `table`; fails unless it is one clade-cumulative sample.
    init(table: ProfileTable) throws(ExportError) {
        guard table.samples.count == 1 else {
            throw .cannotRepresent(reason: "a MetaPhlAn profile holds one sample, this table \(table.samples.count); export each sample, or write a merged table")
        }
        guard table.structure == .cladeCumulative else {
            throw .cannotRepresent(reason: "a MetaPhlAn profile is clade-cumulative; this table has disjoint leaves")
        }
        self.table = table
        do { percent = try table.converted(to: .percent) } catch { throw .cannotRepresent(reason: error.description) }
    }

    /// The losses this table has in a MetaPhlAn profile.
    static func losses(for table: ProfileTable) -> [DeclaredLoss] {
        var losses = [DeclaredLoss(field: .provenance, detail: "source facts and steps"),
                      DeclaredLoss(field: .diagnostics, detail: "import diagnostics")]
        if table.samples.contains(where: { !$0.metadata.isEmpty }) {
            losses.append(DeclaredLoss(field: .sampleMetadata, detail: "a profile carries only the sample id"))
        }
        if table.taxa.contains(where: { $0.lineage.entries.contains { $0.rank == .unranked } }) {
            losses.append(DeclaredLoss(field: .taxa, detail: "levels without a standard rank, and rows ending in one"))
        } else if table.taxa.contains(where: { $0.id != clade($0) || $0.label != clade($0) }) {
            losses.append(DeclaredLoss(field: .taxonIDs, detail: "feature ids and labels become clade names"))
            losses.append(DeclaredLoss(field: .taxonLabels, detail: "labels become clade names"))
        }
        if table.taxa.contains(where: { $0.metadata.keys.contains { $0 != "additional-species" && $0 != Taxon.levelTaxonIDsKey } }) {
            losses.append(DeclaredLoss(field: .taxonMetadata, detail: "only additional_species and tax ids are written"))
        }
        if table.taxa.contains(where: { $0.taxonID != nil && $0.taxonID?.system != "ncbi" }) {
            losses.append(DeclaredLoss(field: .taxonIdentifiers, detail: "tax ids outside NCBI's system"))
        }
        if table.unit != .percent { losses.append(DeclaredLoss(field: .unit, detail: "written as percent")) }
        return losses
    }

    /// The clade name of a taxon: its ranked, named levels as `x__Name` joined by `|`.
    static func clade(_ taxon: Taxon) -> String {
        taxon.lineage.entries.compactMap { entry in
            entry.rank.prefixLetter.map { "\($0)__\(entry.name)" }
        }.joined(separator: "|")
    }

    func write(to output: inout OutputSink) throws(ExportError) {
        let parents = table.cladeParents()
        var hasChildren = Array(repeating: false, count: table.taxa.count)
        for parent in parents { if let parent { hasChildren[parent] = true } }

        var text = "#\(table.provenance.source[.database] ?? "mhub")\n#SampleID\t\(table.samples[0].id)\n"
        text += "#clade_name\tNCBI_tax_id\trelative_abundance\tadditional_species\n"
        var seen = Set<String>()
        var unclassified = 0.0
        for (index, taxon) in table.taxa.enumerated() {
            let value = percent.value(sample: 0, taxon: index)
            guard value > 0 else { continue }
            let ranked = taxon.lineage.entries.contains { $0.rank != .unranked && !$0.name.isEmpty }
            if !ranked {
                if parents[index] == nil && !hasChildren[index] { unclassified += value }
                continue
            }
            guard taxon.lineage.deepestNamed?.rank != .unranked else { continue }
            let name = Self.clade(taxon)
            guard seen.insert(name).inserted else {
                throw .cannotRepresent(reason: "two rows share the clade name '\(name)' once levels without a standard rank are left out")
            }
            let additional = taxon.metadata["additional-species"]?.text ?? ""
            text += "\(name)\t\(Self.taxIDPath(taxon))\t\(NumberFormatting.shortest(value))\t\(additional)\n"
        }
        if unclassified > 0 { text += "UNCLASSIFIED\t-1\t\(NumberFormatting.shortest(unclassified))\t\n" }
        try output.write(text)
    }

    /// The tax ids of the ranked levels joined by `|`, empty when the taxon has none.
    private static func taxIDPath(_ taxon: Taxon) -> String {
        guard let ids = taxon.levelTaxonIDs, ids.count == taxon.lineage.entries.count else {
            return taxon.taxonID?.system == "ncbi" && taxon.lineage.entries.count == 1 ? taxon.taxonID?.value ?? "" : ""
        }
        return zip(taxon.lineage.entries, ids).filter { $0.0.rank != .unranked }.map { $0.1 ?? "" }.joined(separator: "|")
    }
}
