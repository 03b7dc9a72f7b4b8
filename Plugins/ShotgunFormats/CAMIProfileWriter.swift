import FormatKit
import ProfileModel

/// Writes a clade-cumulative table as a CAMI profile, one block per sample, percentages.
///
/// A row's `TAXPATH` has one element per CAMI rank (empty where the lineage skips one), the ids
/// from ``Taxon/levelTaxonIDs`` or the ancestors' rows, `TAXPATHSN` the names. Rows whose deepest level has no CAMI
/// rank are left out: in a cumulative profile their mass stays in the ranked clade above.
struct CAMIProfileWriter: Sendable {
    let table: ProfileTable
    /// The table in percent.
    private let percent: ProfileTable

    /// A writer for `table`; fails unless it is clade-cumulative with tax ids on its ranked rows.
    init(table: ProfileTable) throws(ExportError) {
        guard table.structure == .cladeCumulative else {
            throw .cannotRepresent(reason: "a CAMI profile is clade-cumulative; this table has disjoint leaves")
        }
        if let missing = table.taxa.first(where: { $0.taxonID == nil && Self.isRanked($0) }) {
            throw .cannotRepresent(reason: "CAMI rows need tax ids; taxon '\(missing.id)' has none")
        }
        self.table = table
        do { percent = try table.converted(to: .percent) } catch { throw .cannotRepresent(reason: error.description) }
    }

    static func losses(for table: ProfileTable) -> [DeclaredLoss] {
        var losses = [DeclaredLoss(field: .provenance, detail: "source facts and steps"),
                      DeclaredLoss(field: .diagnostics, detail: "import diagnostics")]
        if table.taxa.contains(where: { taxon in taxon.lineage.entries.contains { CAMIRanks.name($0.rank) == nil || $0.rank == .kingdom } }) {
            losses.append(DeclaredLoss(field: .taxonLineages, detail: "levels outside CAMI's ranks, and rows ending in one"))
        }
        if table.taxa.contains(where: { $0.label != ($0.lineage.deepestNamed?.name ?? $0.id) }) {
            losses.append(DeclaredLoss(field: .taxonLabels, detail: "the last name of the path is written"))
        }
        if table.taxa.contains(where: { $0.metadata.keys.contains { $0 != Taxon.levelTaxonIDsKey } }) {
            losses.append(DeclaredLoss(field: .taxonMetadata, detail: "CAMI rows carry no metadata"))
        }
        if table.samples.contains(where: { sample in sample.metadata.keys.contains { !["TaxonomyID", "program"].contains($0) } }) {
            losses.append(DeclaredLoss(field: .sampleMetadata, detail: "only @TaxonomyID and @__program__ are written"))
        }
        if table.taxa.contains(where: { $0.levelTaxonIDs == nil }) {
            losses.append(DeclaredLoss(field: .taxonMetadata, detail: "TAXPATH is written from the ancestors' tax ids and read back as taxid-path"))
        }
        if table.unit != .percent {
            losses.append(DeclaredLoss(field: .unit, detail: "written as percent"))
            losses.append(DeclaredLoss(field: .abundances, detail: "\(table.unit) values are written as percentages of each sample's total"))
        }
        return losses
    }

    func write(to output: inout OutputSink) throws(ExportError) {
        var ancestorIDs: [[LineageEntry]: String] = [:]
        for taxon in table.taxa {
            if let id = taxon.taxonID?.value { ancestorIDs[taxon.lineage.named] = ancestorIDs[taxon.lineage.named] ?? id }
        }
        var text = ""
        for (sample, info) in table.samples.enumerated() {
            if sample > 0 { text += "\n" }
            text += "@SampleID:\(info.id)\n@Version:\(table.provenance.source[.attribute("cami-version")] ?? "0.9.1")\n"
            text += "@Ranks:\(CAMIRanks.written.map(\.name).joined(separator: "|"))\n"
            if let taxonomy = info.metadata["TaxonomyID"]?.text { text += "@TaxonomyID:\(taxonomy)\n" }
            if let program = info.metadata["program"]?.text { text += "@__program__:\(program)\n" }
            text += "@@TAXID\tRANK\tTAXPATH\tTAXPATHSN\tPERCENTAGE\n"
            for (index, value) in percent.abundances.entries(ofSample: sample) {
                let taxon = table.taxa[index]
                guard Self.isRanked(taxon), let row = row(taxon, ancestorIDs: ancestorIDs) else { continue }
                text += "\(row)\t\(NumberFormatting.shortest(value))\n"
            }
        }
        try output.write(text)
    }

    /// Whether the deepest named level has a CAMI rank.
    private static func isRanked(_ taxon: Taxon) -> Bool {
        taxon.lineage.deepestNamed.flatMap { CAMIRanks.name($0.rank) } != nil
    }

    /// `TAXID\tRANK\tTAXPATH\tTAXPATHSN` of a ranked taxon: one path element per CAMI rank down
    /// to the taxon's, empty where the lineage has no such level. A level's id is the taxon's
    /// own per-level id, else that of the table's row for that ancestor.
    private func row(_ taxon: Taxon, ancestorIDs: [[LineageEntry]: String]) -> String? {
        guard let taxID = taxon.taxonID?.value, let deepest = taxon.lineage.deepestNamed,
              let rank = CAMIRanks.name(deepest.rank) else { return nil }
        let ids = taxon.levelTaxonIDs ?? []
        let entries = taxon.lineage.entries
        var path: [String] = []
        var names: [String] = []
        for camiRank in CAMIRanks.written {
            let position = entries.firstIndex { !$0.name.isEmpty && CAMIRanks.name($0.rank) == camiRank.name }
            if let position {
                let named = Array(entries[...position].filter { !$0.name.isEmpty })
                let own = position < ids.count ? ids[position] : nil
                path.append(entries[position] == deepest ? taxID : own ?? ancestorIDs[named] ?? "")
                names.append(entries[position].name)
            } else {
                path.append("")
                names.append("")
            }
            if camiRank.name == rank { break }
        }
        return "\(taxID)\t\(rank)\t\(path.joined(separator: "|"))\t\(names.joined(separator: "|"))"
    }
}
