import FormatKit
import ProfileModel

/// Writes a clade-cumulative table as a CAMI profile, one block per sample, percentages.
///
/// A row's `TAXPATH` is the tax ids of its CAMI-ranked levels (from ``Taxon/levelTaxonIDs``,
/// the deepest from the taxon id), `TAXPATHSN` their names. Rows whose deepest level has no CAMI
/// rank are left out: in a cumulative profile their mass stays in the ranked clade above.
struct CAMIProfileWriter {
    let table: ProfileTable

    static func losses(for table: ProfileTable) -> [DeclaredLoss] {
        var losses = [DeclaredLoss(field: "provenance", detail: "source facts and steps"),
                      DeclaredLoss(field: "diagnostics", detail: "import diagnostics")]
        if table.taxa.contains(where: { taxon in taxon.lineage.entries.contains { CAMIRanks.name($0.rank) == nil || $0.rank == .kingdom } }) {
            losses.append(DeclaredLoss(field: "taxa.lineage", detail: "levels outside CAMI's ranks, and rows ending in one"))
        }
        if table.taxa.contains(where: { $0.label != ($0.lineage.deepestNamed?.name ?? $0.id) }) {
            losses.append(DeclaredLoss(field: "taxa.label", detail: "the last name of the path is written"))
        }
        if table.taxa.contains(where: { $0.metadata.keys.contains { $0 != Taxon.levelTaxonIDsKey } }) {
            losses.append(DeclaredLoss(field: "taxa.metadata", detail: "CAMI rows carry no metadata"))
        }
        if table.samples.contains(where: { sample in sample.metadata.keys.contains { !["Version", "Ranks", "TaxonomyID", "program"].contains($0) } }) {
            losses.append(DeclaredLoss(field: "samples.metadata", detail: "only @Version, @TaxonomyID and @__program__ are written"))
        }
        if table.unit != .percent {
            losses.append(DeclaredLoss(field: "unit", detail: "written as percent"))
            losses.append(DeclaredLoss(field: "abundances", detail: "\(table.unit) values are written as percentages of each sample's total"))
        }
        return losses
    }

    func write(to output: inout OutputSink) throws(ExportError) {
        guard table.structure == .cladeCumulative else {
            throw .cannotRepresent(reason: "a CAMI profile is clade-cumulative; this table has disjoint leaves")
        }
        if let missing = table.taxa.first(where: { $0.taxonID == nil && Self.isRanked($0) }) {
            throw .cannotRepresent(reason: "CAMI rows need tax ids; taxon '\(missing.id)' has none")
        }
        let percent: ProfileTable
        do { percent = try table.converted(to: .percent) } catch { throw .cannotRepresent(reason: error.description) }
        var text = ""
        for (sample, info) in table.samples.enumerated() {
            if sample > 0 { text += "\n" }
            text += "@SampleID:\(info.id)\n@Version:\(info.metadata["Version"]?.text ?? "0.9.1")\n"
            text += "@Ranks:\(CAMIRanks.written.map(\.name).joined(separator: "|"))\n"
            if let taxonomy = info.metadata["TaxonomyID"]?.text { text += "@TaxonomyID:\(taxonomy)\n" }
            if let program = info.metadata["program"]?.text { text += "@__program__:\(program)\n" }
            text += "@@TAXID\tRANK\tTAXPATH\tTAXPATHSN\tPERCENTAGE\n"
            for (index, value) in percent.abundances.entries(ofSample: sample) {
                let taxon = table.taxa[index]
                guard Self.isRanked(taxon), let row = Self.row(taxon) else { continue }
                text += "\(row)\t\(NumberFormatting.shortest(value))\n"
            }
        }
        try output.write(text)
    }

    /// Whether the deepest named level has a CAMI rank.
    private static func isRanked(_ taxon: Taxon) -> Bool {
        taxon.lineage.deepestNamed.flatMap { CAMIRanks.name($0.rank) } != nil
    }

    /// `TAXID\tRANK\tTAXPATH\tTAXPATHSN` of a ranked taxon.
    private static func row(_ taxon: Taxon) -> String? {
        guard let taxID = taxon.taxonID?.value, let deepest = taxon.lineage.deepestNamed,
              let rank = CAMIRanks.name(deepest.rank) else { return nil }
        let ids = taxon.levelTaxonIDs ?? []
        var path: [String] = []
        var names: [String] = []
        for (position, entry) in taxon.lineage.entries.enumerated() where CAMIRanks.name(entry.rank) != nil && !entry.name.isEmpty {
            let isLast = position == taxon.lineage.entries.count - 1
            path.append(isLast ? taxID : (position < ids.count ? ids[position] ?? "" : ""))
            names.append(entry.name)
        }
        return "\(taxID)\t\(rank)\t\(path.joined(separator: "|"))\t\(names.joined(separator: "|"))"
    }
}
