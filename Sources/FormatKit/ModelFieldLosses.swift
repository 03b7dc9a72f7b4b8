import ProfileModel

/// The parts of the model (version 2) that only the hub's own lossless formats carry, declared
/// by the export session for every other format when a table uses them, so that no exporter
/// drops them silently.
enum ModelFieldLosses {
    static func of(_ table: ProfileTable) -> [DeclaredLoss] {
        var losses: [DeclaredLoss] = []
        let sampled = table.samples.filter { !$0.source.isEmpty }.count
        if sampled > 0 {
            losses.append(DeclaredLoss(field: .sampleSources,
                                       detail: "\(sampled) sample(s) have their own source facts (lab, pipeline, database, file)"))
        }
        let merged = table.taxa.filter { !$0.origins.isEmpty }.count
        if merged > 0 {
            losses.append(DeclaredLoss(field: .taxonOrigins, detail: "\(merged) taxa keep the labels they were read under"))
        }
        let levelIDs = table.taxa.filter { $0.lineage.entries.contains { $0.id != nil } }.count
        if levelIDs > 0 {
            losses.append(DeclaredLoss(field: .taxonLineages, detail: "\(levelIDs) lineages carry a tax id per level"))
        }
        let releases = table.taxa.filter { $0.taxonID?.release != nil }.count
        if releases > 0 {
            losses.append(DeclaredLoss(field: .taxonIdentifiers, detail: "\(releases) tax ids name their taxonomy release"))
        }
        return losses
    }
}
