import ProfileModel

/// Applies a ``TaxonResolver`` to every taxon of a table through the model's transforms:
/// ``ProfileModel/ProfileTable/mappingTaxa(action:parameters:_:)`` gives each taxon its resolved
/// lineage and tax id and merges the taxa that become the same ``ProfileModel/TaxonKey`` (values
/// summed, every source label kept in their origins), then
/// ``ProfileModel/ProfileTable/collapsed(to:tolerance:)`` cuts to the chosen rank (a
/// clade-cumulative table counted once). Each logs its provenance step.
public enum TableReconciliation {
    /// The reconciled table and the per-taxon report.
    public static func reconcile(_ table: ProfileTable, with resolver: TaxonResolver) throws(TransformError)
        -> (table: ProfileTable, report: ReconciliationReport) {
        let naming = TaxonResolver(target: resolver.target, reference: resolver.reference)
        var resolvedByID: [String: Taxon] = [:]
        for taxon in table.taxa { resolvedByID[taxon.id] = naming.resolve(taxon).resolved }
        let report = ReconciliationReport(target: resolver.target, rows: table.taxa.map { ReconciliationReport.Row(resolver.resolve($0)) })
        var parameters = ["target": resolver.target.rawValue]
        for (method, count) in report.methodCounts { parameters["method-\(method.rawValue)"] = String(count) }
        var reconciled = try table.mappingTaxa(action: .reconcile, parameters: parameters) { taxon in
            resolvedByID[taxon.id] ?? taxon
        }
        if let rank = resolver.rank { reconciled = try reconciled.collapsed(to: rank) }
        return (reconciled, report)
    }
}
