import FormatKit
import ProfileModel

/// Builds the one-sample leaf table of read counts per tax id that read classifiers without a
/// lineage in their output give (DIAMOND's per-read tax ids, MEGAN's `rma2info` counts).
///
/// Each tax id becomes a taxon known only by its id, in the system of the `taxonomy-system`
/// option; tax id `0` is the unclassified reads, kept as an explicit `unclassified` row.
struct TaxIDCountTable {
    /// Reads per tax id, in first-seen order.
    private var counts: [String: Double] = [:]
    private var order: [String] = []

    mutating func add(_ count: Double, taxID: String) {
        if counts[taxID] == nil { order.append(taxID) }
        counts[taxID, default: 0] += count
    }

    var isEmpty: Bool { order.isEmpty }

    func build(input: ImportInput, options: ImportOptions, pipeline: String, formatID: String) throws(ImportError) -> ProfileTable {
        guard !isEmpty else { throw .emptyInput(input.location()) }
        let system = try TaxonomySystemOption.read(options, format: formatID, input: input)
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves,
                                          provenance: Provenance(source: [.taxonomySystem: system, .pipeline: pipeline]))
        do {
            try builder.addSample(Sample(id: input.singleSampleID(options)))
            for taxID in order {
                let taxon = taxID == "0"
                    ? Taxon.unclassified()
                    : Taxon(id: taxID, label: taxID, taxonID: TaxonID(system: system, value: taxID))
                try builder.setValue(counts[taxID] ?? 0, sample: 0, taxon: try builder.addTaxon(taxon))
            }
            return try builder.build()
        } catch {
            throw ImportError(error, at: input.location())
        }
    }
}
