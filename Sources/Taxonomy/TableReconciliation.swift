import ProfileModel

/// Applies a ``TaxonResolver`` to every taxon of a table and merges the taxa that end up with
/// the same identity (values summed per sample, every original label kept in the merged
/// taxon's `origins` metadata), logging one `reconcile` provenance step.
///
/// A clade-cumulative table is turned into leaves first, so that a genus row and its species
/// rows collapsing onto one genus are not counted twice.
public enum TableReconciliation {
    /// The reconciled table and the per-taxon report.
    public static func reconcile(_ input: ProfileTable, with resolver: TaxonResolver) throws(BuilderError)
        -> (table: ProfileTable, report: ReconciliationReport) {
        let table = input.structure == .cladeCumulative ? input.toLeaves() : input
        let resolved = table.taxa.map(resolver.resolve)
        var groupOf: [String: Int] = [:]
        var groups: [[Int]] = []
        for (index, taxon) in resolved.enumerated() {
            if let group = groupOf[taxon.identity] {
                groups[group].append(index)
            } else {
                groupOf[taxon.identity] = groups.count
                groups.append([index])
            }
        }

        var builder = ProfileTableBuilder(unit: table.unit, structure: table.structure, provenance: table.provenance)
        for sample in table.samples { try builder.addSample(sample) }
        var newIndex = [Int](repeating: 0, count: resolved.count)
        for (group, members) in groups.enumerated() {
            let first = resolved[members[0]]
            var merged = first.resolved
            let labels = members.map { resolved[$0].original.label }
            if members.count > 1 { merged.metadata["origins"] = .list(labels.map(MetadataValue.string)) }
            // A feature id that named one of several merged or a cut-down taxon would mislead;
            // such a row is named by its identity instead.
            if members.count > 1 || first.methods.contains(.rankCollapse) {
                merged.id = first.identity
                while builder.taxonIndex(id: merged.id) != nil { merged.id += "_" }
            }
            try builder.addTaxon(merged)
            for member in members { newIndex[member] = group }
        }
        for sample in table.samples.indices {
            var sums: [Int: Double] = [:]
            for (taxon, value) in table.abundances.entries(ofSample: sample) { sums[newIndex[taxon], default: 0] += value }
            for (taxon, value) in sums.sorted(by: { $0.key < $1.key }) { try builder.setValue(value, sample: sample, taxon: taxon) }
        }
        for diagnostic in table.diagnostics { builder.addDiagnostic(diagnostic) }
        if table.structure == .leaves, let nested = firstNestedTaxon(table.taxa) {
            builder.addDiagnostic(Diagnostic(
                code: "reconcile.nested-taxa",
                message: "the table says its rows are disjoint leaves, but '\(nested.inner)' lies inside '\(nested.outer)'; "
                    + "if the rows are clade totals, merged values count some reads twice",
                taxon: nested.innerID))
        }

        let report = ReconciliationReport(target: resolver.target, rows: resolved.map(ReconciliationReport.Row.init))
        var parameters = ["target": resolver.target.rawValue, "taxa-in": String(table.taxa.count),
                          "taxa-out": String(groups.count)]
        if let rank = resolver.rank { parameters["rank"] = rank.rawValue }
        for (method, count) in report.methodCounts { parameters["method-\(method.rawValue)"] = String(count) }
        builder.provenance.steps.append(ProvenanceStep(action: "reconcile", parameters: parameters))
        return (try builder.build(), report)
    }

    /// A taxon whose named lineage extends another taxon's of the same table, if any.
    private static func firstNestedTaxon(_ taxa: [Taxon]) -> (outer: String, inner: String, innerID: String)? {
        var byPath: [[LineageEntry]: Taxon] = [:]
        for taxon in taxa where !taxon.lineage.named.isEmpty { byPath[taxon.lineage.named] = byPath[taxon.lineage.named] ?? taxon }
        for taxon in taxa {
            let path = taxon.lineage.named
            guard path.count > 1 else { continue }
            for length in 1..<path.count {
                if let outer = byPath[Array(path.prefix(length))] { return (outer.label, taxon.label, taxon.id) }
            }
        }
        return nil
    }
}
