import FormatKit
import Foundation
import ProfileModel

/// What any BIOM export of a table loses, whichever the version: the parts of the model
/// BIOM has no place for, and the header repairs the export makes.
enum BIOMExportLosses {
    /// Losses shared by BIOM 1.0 and 2.1 exports; `reserved` are the format's own table-level names.
    /// `original` is the table as given; `table` the one written (``ProfileTable/asBIOMRows``).
    static func common(for original: ProfileTable, written table: ProfileTable,
                       observations: BIOMObservationMapping.Export, reserved: Set<String>) -> [DeclaredLoss] {
        var losses: [DeclaredLoss] = []
        if !table.provenance.steps.isEmpty {
            let actions = table.provenance.steps.map(\.action.rawValue).joined(separator: ", ")
            losses.append(DeclaredLoss(field: "provenance.steps",
                                       detail: "\(table.provenance.steps.count) step(s) (\(actions)) have no place in BIOM"))
        }
        if !table.diagnostics.isEmpty {
            losses.append(DeclaredLoss(field: "diagnostics",
                                       detail: "\(table.diagnostics.count) import finding(s) have no place in BIOM"))
        }
        if original.structure == .cladeCumulative {
            losses.append(DeclaredLoss(field: "structure",
                                       detail: "BIOM rows are disjoint features, so the clade-cumulative rows are written as their leaves, with residual mass as '<clade>|unclassified' rows"))
        }
        let inferred = BIOMUnitInference.inferredUnit(of: table)
        if inferred != table.unit {
            losses.append(DeclaredLoss(field: "unit",
                                       detail: "BIOM has no unit field; readers will take these \(table.unit) values for \(inferred)"))
        }
        if let first = observations.drifting.first {
            losses.append(DeclaredLoss(field: "taxa.lineage",
                                       detail: "\(observations.drifting.count) lineage(s) do not read back the same from a taxonomy list (first: \(first))"))
        }
        for (field, objects) in [("samples.metadata", table.samples.map(\.metadata)), ("taxa.metadata", table.taxa.map(\.metadata))] {
            let dates = dateCount(objects)
            if dates > 0 { losses.append(DeclaredLoss(field: field, detail: "\(dates) date value(s) are written as text")) }
        }
        losses += BIOMHeader.forExport(table, now: Date()).repairs
        losses += BIOMHeader.extraEntries(of: table, reserved: reserved).clashes
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
