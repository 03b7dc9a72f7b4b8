/// Keeps diagnostics pointing at the right rows when a transform renames, merges or removes
/// samples and taxa.
struct DiagnosticReferences {
    /// New taxon id by old taxon id; an old id missing from the map was removed.
    var taxa: [String: String]?
    /// New sample id by old sample id; an old id missing from the map was removed.
    var samples: [String: String]?

    /// The diagnostics with references rewritten, and how many were dropped because what they
    /// concern is no longer in the table.
    func apply(to diagnostics: [Diagnostic]) -> (kept: [Diagnostic], dropped: Int) {
        var kept: [Diagnostic] = []
        kept.reserveCapacity(diagnostics.count)
        for var diagnostic in diagnostics {
            if let taxa, let taxon = diagnostic.taxon {
                guard let renamed = taxa[taxon] else { continue }
                diagnostic.taxon = renamed
            }
            if let samples, let sample = diagnostic.sample {
                guard let renamed = samples[sample] else { continue }
                diagnostic.sample = renamed
            }
            kept.append(diagnostic)
        }
        return (kept, diagnostics.count - kept.count)
    }
}

extension ProfileTable {
    /// The effective source of one sample: the table's facts with the sample's own laid over them.
    public func source(ofSample index: Int) -> SourceFacts {
        provenance.source.filter(\.isSampleFact).overlaid(with: samples[index].source)
    }

    /// A copy with new rows and matrix, the diagnostics remapped, and one step logged.
    func replacing(samples newSamples: [Sample]? = nil, taxa newTaxa: [Taxon]? = nil, abundances newAbundances: SparseAbundances,
                   structure newStructure: ProfileStructure? = nil, references: DiagnosticReferences,
                   step: ProvenanceStep) -> ProfileTable {
        let (kept, dropped) = references.apply(to: diagnostics)
        var step = step
        if dropped > 0 { step.parameters["diagnostics-dropped"] = String(dropped) }
        var provenance = provenance
        provenance.steps.append(step)
        return ProfileTable(samples: newSamples ?? samples, taxa: newTaxa ?? taxa, abundances: newAbundances, unit: unit,
                            structure: newStructure ?? structure, provenance: provenance, diagnostics: kept)
    }
}
