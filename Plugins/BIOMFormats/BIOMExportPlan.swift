import FormatKit
import Foundation
import ProfileModel

/// How a table is written as BIOM, whichever the version, worked out once per export and
/// shared by the losses and the writer: the table as BIOM rows (leaves), the observation
/// mapping, the header with its repairs, the extra table-level entries, and what is lost.
struct BIOMExportPlan: Sendable {
    /// The table as written (``ProfileTable/asBIOMRows``).
    let table: ProfileTable
    /// Each taxon's taxonomy list, and the taxa whose lineage would not read back.
    let observations: BIOMObservationMapping.Export
    /// The header fields, repaired where validators would reject them.
    let header: BIOMHeader
    /// Source facts and the hub's own entries (unit, steps, source generator) written as extra
    /// table-level entries, in key order.
    let extraEntries: [(key: String, value: String)]
    /// What the export loses, whichever the version.
    let losses: [DeclaredLoss]

    /// The plan for `original`; `reserved` are the format's own table-level names, `now` dates a header without a valid date.
    init(_ original: ProfileTable, reserved: Set<String>, now: Date = Date()) {
        let table = original.asBIOMRows
        self.table = table
        observations = BIOMObservationMapping.Export(taxa: table.taxa)
        let (header, repairs) = BIOMHeader.forExport(table, now: now)
        self.header = header
        let (entries, clashes) = BIOMHeader.extraEntries(of: table, reserved: reserved.union(BIOMHubEntries.names))
        extraEntries = (entries.map { (key: $0.0, value: $0.1) } + BIOMHubEntries.entries(for: table)).sorted { $0.key < $1.key }
        losses = Self.modelLosses(original, written: table, observations: observations) + repairs + clashes
    }

    /// The parts of the model BIOM has no place for.
    private static func modelLosses(_ original: ProfileTable, written table: ProfileTable,
                                    observations: BIOMObservationMapping.Export) -> [DeclaredLoss] {
        var losses: [DeclaredLoss] = []
        if !table.diagnostics.isEmpty {
            losses.append(DeclaredLoss(field: .diagnostics,
                                       detail: "\(table.diagnostics.count) import finding(s) have no place in BIOM"))
        }
        if original.structure == .cladeCumulative {
            losses.append(DeclaredLoss(field: .structure,
                                       detail: "BIOM rows are disjoint features, so the clade-cumulative rows are written as their leaves, with residual mass as '<clade>|unclassified' rows"))
        }
        if let first = observations.drifting.first {
            losses.append(DeclaredLoss(field: .taxonLineages,
                                       detail: "\(observations.drifting.count) lineage(s) do not read back the same from a taxonomy list (first: \(first))"))
        }
        for (field, objects) in [(ProfileField.sampleMetadata, table.samples.map(\.metadata)),
                                 (ProfileField.taxonMetadata, table.taxa.map(\.metadata))] {
            let dates = dateCount(objects)
            if dates > 0 { losses.append(DeclaredLoss(field: field, detail: "\(dates) date value(s) are written as text")) }
        }
        return losses
    }

    private static func dateCount(_ objects: [[String: MetadataValue]]) -> Int {
        func count(_ value: MetadataValue) -> Int {
            switch value {
            case .date: 1
            case .list(let items): items.reduce(0) { $0 + count($1) }
            case .object(let fields): fields.values.reduce(0) { $0 + count($1) }
            default: 0
            }
        }
        return objects.reduce(0) { total, object in object.values.reduce(total) { $0 + count($1) } }
    }
}

extension ProfileTable {
    /// The table as BIOM rows must be: disjoint features, so a clade-cumulative table as its leaves.
    var asBIOMRows: ProfileTable { structure == .cladeCumulative ? toLeaves() : self }
}
