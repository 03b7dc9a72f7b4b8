@testable import ProfileModel

/// Small tables for the transform tests, written as rows of `(lineage label, [sample: value])`.
enum TransformFixtures {
    /// Builds a table whose taxa are the given lineage labels (ids and labels as written).
    static func table(unit: AbundanceUnit = .counts, structure: ProfileStructure = .leaves, samples: [String],
                      rows: [(label: String, values: [Double])], source: SourceFacts = [:],
                      taxonIDs: [String: TaxonID] = [:]) throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: unit, structure: structure, provenance: Provenance(source: source))
        for sample in samples { try builder.addSample(Sample(id: sample)) }
        for row in rows {
            let taxon = try builder.addTaxon(Taxon(id: row.label, label: row.label, lineage: LineageParser.parse(row.label),
                                                   taxonID: taxonIDs[row.label]))
            for (sample, value) in row.values.enumerated() { try builder.setValue(value, sample: sample, taxon: taxon) }
        }
        return try builder.build()
    }

    /// A sample's values by taxon id.
    static func values(_ table: ProfileTable, sample: String) -> [String: Double] {
        guard let index = table.samples.firstIndex(where: { $0.id == sample }) else { return [:] }
        var result: [String: Double] = [:]
        for (taxon, value) in table.abundances.entries(ofSample: index) { result[table.taxa[taxon].id] = value }
        return result
    }

    /// A deterministic pseudo-random generator (SplitMix64) for generated tables.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A generated leaf count table: `taxa` taxa over a small tree of phyla, families and genera
    /// (some rows without a genus), `samples` samples, about a third of the cells non-zero.
    static func generated(seed: UInt64, samples: Int = 12, taxa: Int = 40, prefix: String = "S") throws -> ProfileTable {
        var random = Generator(state: seed)
        var rows: [(label: String, values: [Double])] = []
        for index in 0..<taxa {
            let phylum = index % 3, family = index % 5, genus = index % 7
            let genusPart = index % 6 == 0 ? "g__" : "g__G\(family)_\(genus)"
            let label = "k__Bacteria; p__P\(phylum); f__F\(phylum)_\(family); \(genusPart); s__sp\(index)"
            let values = (0..<samples).map { _ in Int.random(in: 0..<3, using: &random) == 0 ? Double(Int.random(in: 1...500, using: &random)) : 0 }
            rows.append((label, values))
        }
        return try table(samples: (0..<samples).map { "\(prefix)\($0)" }, rows: rows)
    }
}
