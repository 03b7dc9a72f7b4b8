import FormatKit
import ProfileModel

/// Builds the one-sample leaf table of read counts that read classifiers and count summaries
/// give: counts added up per key (a tax id, a lineage) in first-seen order, each key turned
/// into its taxon when the table is built. Used by DIAMOND's per-read tax ids, MEGAN's
/// `rma2info` counts, Krona text lines and MAPseq's per-read lineages.
struct OneSampleCountTable {
    /// Counts per key, in first-seen order.
    private var counts: [String: Double] = [:]
    private var order: [String] = []

    mutating func add(_ count: Double, key: String) {
        if counts[key] == nil { order.append(key) }
        counts[key, default: 0] += count
    }

    /// The table of one sample (named as ``ImportInput/singleSampleID(_:named:)`` says), one
    /// taxon per key as `taxon` makes it; an input without counts is empty.
    func build(input: ImportInput, options: ImportOptions, provenance: Provenance,
               taxon: (String) -> Taxon) throws(ImportError) -> ProfileTable {
        guard !order.isEmpty else { throw .emptyInput(input.location()) }
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves, provenance: provenance)
        do {
            try builder.addSample(Sample(id: input.singleSampleID(options)))
            for key in order {
                try builder.setValue(counts[key] ?? 0, sample: 0, taxon: try builder.addTaxon(taxon(key)))
            }
            return try builder.build()
        } catch {
            throw ImportError(error, at: input.location())
        }
    }

    /// The table of reads per tax id: each tax id a taxon known only by its id, in the system
    /// of the `taxonomy-system` option; tax id `0` is the unclassified reads, kept as an
    /// explicit `unclassified` row.
    func buildByTaxID(input: ImportInput, options: ImportOptions, pipeline: String, formatID: String) throws(ImportError) -> ProfileTable {
        guard !order.isEmpty else { throw .emptyInput(input.location()) }
        let system = try TaxonomySystemOption.read(options, format: formatID, input: input)
        return try build(input: input, options: options,
                         provenance: Provenance(source: [.taxonomySystem: system, .pipeline: pipeline])) { taxID in
            taxID == "0" ? Taxon.unclassified() : Taxon(id: taxID, label: taxID, taxonID: TaxonID(system: system, value: taxID))
        }
    }
}
