import ProfileModel

/// The reference tables every exporter must carry (`Conformance/reference/<name>.profile.json`),
/// defined here through the builder so that each one is a valid table by construction.
/// `ReferenceTableTests` checks the files against these definitions and re-records them with
/// `MHUB_RECORD=1`.
enum ReferenceTables {
    static let all: [(name: String, table: @Sendable () throws -> ProfileTable)] = [
        ("counts-leaves", countsLeaves),
        ("relative-leaves-unicode", relativeLeavesUnicode),
        ("percent-cumulative", percentCumulative),
        ("counts-cumulative", countsCumulative),
        ("cohort-sources-origins", cohortSourcesOrigins),
    ]

    private static func lineage(_ pairs: [(Rank, String)]) -> Lineage { Lineage(pairs)! }

    /// An OTU-style count table: metadata of every type, an empty sample, taxon ids and
    /// metadata, provenance with steps, and a diagnostic.
    static func countsLeaves() throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves, provenance: Provenance(
            source: [.lab: "Reference lab", .assay: "16S V4", .pipeline: "dada2", .pipelineVersion: "1.28"],
            steps: [ProvenanceStep(action: .import, format: "biom-json", parameters: ["file": "table.biom"])]))
        try builder.addSample(Sample(id: "S1", metadata: [
            "subject": .string("P-01"), "age": .integer(41), "bmi": .number(22.75), "collected": .date("2023-05-02"),
            "antibiotics": .bool(false), "diet": .list([.string("vegetarian"), .string("low-fibre")]),
            "site": .object(["body": .string("gut"), "sampling": .string("stool")]), "notes": .null,
        ]))
        // A reading recorded as NaN: exporters that carry numbers must carry it, and NaN equals NaN in comparisons.
        try builder.addSample(Sample(id: "S2", metadata: ["subject": .string("P-02"), "age": .integer(35), "reading": .number(.nan)]))
        try builder.addSample(Sample(id: "S3-empty", metadata: ["subject": .string("P-03")]))
        try builder.addTaxon(Taxon(id: "asv-1", label: "k__Bacteria; p__Bacteroidota; g__Bacteroides",
                                   lineage: lineage([(.kingdom, "Bacteria"), (.phylum, "Bacteroidota"), (.genus, "Bacteroides")]),
                                   taxonID: TaxonID(system: "ncbi", value: "816"), metadata: ["confidence": .number(0.98)]))
        try builder.addTaxon(Taxon(id: "asv-2", label: "k__Bacteria; p__Bacillota; f__Lachnospiraceae; g__",
                                   lineage: lineage([(.kingdom, "Bacteria"), (.phylum, "Bacillota"),
                                                     (.family, "Lachnospiraceae"), (.genus, "")])))
        try builder.addTaxon(Taxon(id: "asv-3", label: "Unassigned"))
        try builder.setValue(120, sample: 0, taxon: 0)
        try builder.setValue(7, sample: 0, taxon: 1)
        try builder.setValue(33, sample: 1, taxon: 1)
        try builder.setValue(2, sample: 1, taxon: 2)
        builder.addDiagnostic(Diagnostic(code: "taxonomy.unknown-rank", message: "rank of 'Unassigned' is unknown",
                                         taxon: "asv-3", location: "table.biom"))
        return try builder.build()
    }

    /// Fractions with digits that need the shortest round-tripping form, and names outside ASCII.
    static func relativeLeavesUnicode() throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .relative, structure: .leaves)
        try builder.addSample(Sample(id: "Stuhlprobe-Müller", metadata: ["Labor": .string("Zürich")]))
        try builder.addSample(Sample(id: "試料-2"))
        try builder.addTaxon(Taxon(id: "s__Escherichia coli", label: "Escherichia coli (Migula 1895) Castellani & Chalmers",
                                   lineage: lineage([(.domain, "Bacteria"), (.genus, "Escherichia"), (.species, "Escherichia coli")])))
        try builder.addTaxon(Taxon(id: "s__Faecalibacterium prausnitzii", label: "Faecalibacterium prausnitzii",
                                   lineage: lineage([(.domain, "Bacteria"), (.genus, "Faecalibacterium"),
                                                     (.species, "Faecalibacterium prausnitzii")])))
        try builder.addTaxon(Taxon(id: "Candidatus Saccharimonas", label: "Candidatus Saccharimonas ‘TM7x’",
                                   lineage: lineage([(.genus, "Candidatus Saccharimonas")])))
        try builder.setValue(0.1, sample: 0, taxon: 0)
        try builder.setValue(0.7, sample: 0, taxon: 1)
        try builder.setValue(0.2, sample: 0, taxon: 2)
        try builder.setValue(1.0 / 3.0, sample: 1, taxon: 0)
        try builder.setValue(2.0 / 3.0, sample: 1, taxon: 1)
        return try builder.build()
    }

    /// A MetaPhlAn-like percent profile: rows at every rank, residual mass at the genus level.
    static func percentCumulative() throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .percent, structure: .cladeCumulative,
                                          provenance: Provenance(source: [.pipeline: "MetaPhlAn", .database: "mpa_vJun23"]))
        try builder.addSample(Sample(id: "metagenome-1"))
        let rows: [(String, [(Rank, String)], Double)] = [
            ("k__Bacteria", [(.kingdom, "Bacteria")], 100),
            ("k__Bacteria|p__Bacillota", [(.kingdom, "Bacteria"), (.phylum, "Bacillota")], 62.5),
            ("k__Bacteria|p__Bacillota|g__Faecalibacterium", [(.kingdom, "Bacteria"), (.phylum, "Bacillota"), (.genus, "Faecalibacterium")], 40.25),
            ("k__Bacteria|p__Bacillota|g__Faecalibacterium|s__Faecalibacterium_prausnitzii",
             [(.kingdom, "Bacteria"), (.phylum, "Bacillota"), (.genus, "Faecalibacterium"), (.species, "Faecalibacterium prausnitzii")], 30),
            ("k__Bacteria|p__Bacteroidota", [(.kingdom, "Bacteria"), (.phylum, "Bacteroidota")], 37.5),
            ("k__Bacteria|p__Bacteroidota|g__Bacteroides", [(.kingdom, "Bacteria"), (.phylum, "Bacteroidota"), (.genus, "Bacteroides")], 37.5),
        ]
        for (label, ranks, value) in rows {
            let taxon = try builder.addTaxon(Taxon(id: label, label: label, lineage: lineage(ranks)))
            try builder.setValue(value, sample: 0, taxon: taxon)
        }
        return try builder.build()
    }

    /// A Kraken-like count profile over two samples: clade counts with taxids, one sample
    /// without reads in one clade.
    static func countsCumulative() throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .counts, structure: .cladeCumulative)
        try builder.addSample(Sample(id: "run-A"))
        try builder.addSample(Sample(id: "run-B"))
        let rows: [(String, String, [(Rank, String)], [Double])] = [
            ("2", "Bacteria", [(.domain, "Bacteria")], [1000, 500]),
            ("976", "Bacteroidota", [(.domain, "Bacteria"), (.phylum, "Bacteroidota")], [600, 0]),
            ("816", "Bacteroides", [(.domain, "Bacteria"), (.phylum, "Bacteroidota"), (.genus, "Bacteroides")], [550, 0]),
            ("1239", "Bacillota", [(.domain, "Bacteria"), (.phylum, "Bacillota")], [300, 480]),
        ]
        for (taxid, name, ranks, values) in rows {
            let taxon = try builder.addTaxon(Taxon(id: taxid, label: name, lineage: lineage(ranks),
                                                   taxonID: TaxonID(system: "ncbi", value: taxid)))
            for (sample, value) in values.enumerated() { try builder.setValue(value, sample: sample, taxon: taxon) }
        }
        return try builder.build()
    }

    /// A small merged cohort (model version 2): two samples from two labs with their own source
    /// facts over a shared pipeline, a taxon joined from both with both labels as origins, per-level
    /// tax ids and a taxonomy release.
    static func cohortSourcesOrigins() throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves,
                                          provenance: Provenance(source: [.pipeline: "Kraken2", .taxonomySystem: "ncbi"]))
        try builder.addSample(Sample(id: "A1", source: [.lab: "Lab A", .database: "k2_standard", .sourceFile: "a.kreport"]))
        try builder.addSample(Sample(id: "B1", metadata: ["visit": .integer(2)],
                                     source: [.lab: "Lab B", .database: "k2_pluspf", .sourceFile: "b.kreport"]))
        let bacteroides = Lineage([LineageEntry(rank: .domain, name: "Bacteria", id: "2"),
                                   LineageEntry(rank: .phylum, name: "Bacteroidota", id: "976"),
                                   LineageEntry(rank: .genus, name: "Bacteroides", id: "816")])!
        try builder.addTaxon(Taxon(id: "816", label: "Bacteroides", lineage: bacteroides,
                                   taxonID: TaxonID(system: "ncbi", value: "816", release: "2024-01-12"),
                                   origins: [TaxonOrigin(label: "Bacteroides", input: "a.kreport"),
                                             TaxonOrigin(label: "      Bacteroides", input: "b.kreport")]))
        try builder.addTaxon(Taxon(id: "1239", label: "Bacillota", lineage: lineage([(.domain, "Bacteria"), (.phylum, "Bacillota")]),
                                   taxonID: TaxonID(system: "ncbi", value: "1239")))
        try builder.setValue(120, sample: 0, taxon: 0)
        try builder.setValue(8, sample: 0, taxon: 1)
        try builder.setValue(40, sample: 1, taxon: 0)
        return try builder.build()
    }
}
