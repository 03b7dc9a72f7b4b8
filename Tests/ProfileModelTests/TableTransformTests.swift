import Testing
@testable import ProfileModel

@Suite("Table transforms, worked by hand")
struct TableTransformTests {
    typealias F = TransformFixtures

    /// Two samples over four taxa:
    ///
    ///     taxon                                          S1   S2
    ///     k__Bacteria; p__Bacillota; g__Blautia; s__a      10    0
    ///     k__Bacteria; p__Bacillota; g__Blautia; s__b       5    5
    ///     k__Bacteria; p__Bacillota; g__; s__c              2    0   (no genus → placeholder)
    ///     k__Bacteria; p__Bacteroidota; g__Bacteroides     0   20
    private func small() throws -> ProfileTable {
        try F.table(samples: ["S1", "S2"], rows: [
            ("k__Bacteria; p__Bacillota; g__Blautia; s__a", [10, 0]),
            ("k__Bacteria; p__Bacillota; g__Blautia; s__b", [5, 5]),
            ("k__Bacteria; p__Bacillota; g__; s__c", [2, 0]),
            ("k__Bacteria; p__Bacteroidota; g__Bacteroides", [0, 20]),
        ], source: [.sourceFile: "lab-a.tsv", .lab: "Lab A"])
    }

    @Test func selectingAndDroppingSamplesKeepsTableOrderAndLogsOneStep() throws {
        let table = try small()
        let kept = try table.selectingSamples(ids: ["S2"])
        #expect(kept.samples.map(\.id) == ["S2"])
        #expect(F.values(kept, sample: "S2") == ["k__Bacteria; p__Bacillota; g__Blautia; s__b": 5,
                                                   "k__Bacteria; p__Bacteroidota; g__Bacteroides": 20])
        #expect(kept.taxa.count == 4)
        #expect(kept.provenance.steps.map(\.action) == [.selectSamples])
        #expect(try table.droppingSamples(ids: ["S2"]).samples.map(\.id) == ["S1"])
        #expect(try table.selectingSamples(ids: ["S2", "S1"]).samples.map(\.id) == ["S1", "S2"])
        #expect(throws: TransformError.unknownSamples(["S9"])) { try table.selectingSamples(ids: ["S1", "S9"]) }
    }

    @Test func filteringByTotalPrevalenceAndRelativeAbundance() throws {
        let table = try small()
        // Totals: a 10, b 10, c 2, Bacteroides 20.
        #expect(try table.filteringTaxa(TaxonFilter(minimumTotal: 10)).taxa.count == 3)
        // Present in both samples: only b.
        #expect(try table.filteringTaxa(TaxonFilter(minimumPrevalence: .samples(2))).taxa.map(\.id)
                == ["k__Bacteria; p__Bacillota; g__Blautia; s__b"])
        #expect(try table.filteringTaxa(TaxonFilter(minimumPrevalence: .fraction(0.6))).taxa.count == 1)
        // S1 total 17, S2 total 25: c is 2/17 ≈ 0.118 in S1, b is 5/25 = 0.2 in S2.
        #expect(try table.filteringTaxa(TaxonFilter(minimumRelativeAbundance: 0.15)).taxa.map(\.id) == [
            "k__Bacteria; p__Bacillota; g__Blautia; s__a", "k__Bacteria; p__Bacillota; g__Blautia; s__b",
            "k__Bacteria; p__Bacteroidota; g__Bacteroides",
        ])
        #expect(try table.filteringTaxa(TaxonFilter(minimumPrevalence: .samples(2), minimumRelativeAbundance: 0.25)).taxa.isEmpty)
        #expect(throws: TransformError.invalidThreshold(name: "minimum relative abundance", value: 2)) {
            try table.filteringTaxa(TaxonFilter(minimumRelativeAbundance: 2))
        }
        let step = try #require(try table.filteringTaxa(TaxonFilter(minimumTotal: 10)).provenance.steps.last)
        #expect(step.action == .filterTaxa)
        #expect(step.parameters["taxa-removed"] == "1")
    }

    @Test func collapseToGenusSumsSpeciesAndKeepsAPlaceholderPerParent() throws {
        let collapsed = try small().collapsed(to: .genus)
        #expect(collapsed.structure == .leaves)
        #expect(collapsed.taxa.map(\.id) == [
            "k__Bacteria;p__Bacillota;g__Blautia", "k__Bacteria;p__Bacillota;g__unclassified Bacillota",
            "k__Bacteria;p__Bacteroidota;g__Bacteroides",
        ])
        #expect(F.values(collapsed, sample: "S1") == ["k__Bacteria;p__Bacillota;g__Blautia": 15,
                                                        "k__Bacteria;p__Bacillota;g__unclassified Bacillota": 2])
        #expect(F.values(collapsed, sample: "S2") == ["k__Bacteria;p__Bacillota;g__Blautia": 5,
                                                        "k__Bacteria;p__Bacteroidota;g__Bacteroides": 20])
        let blautia = collapsed.taxa[0]
        #expect(blautia.origins.map(\.label) == ["k__Bacteria; p__Bacillota; g__Blautia; s__a",
                                                 "k__Bacteria; p__Bacillota; g__Blautia; s__b"])
        #expect(collapsed.taxa[1].metadata["placeholder"] == .bool(true))
        #expect(collapsed.taxa[1].lineage.name(at: .phylum) == "Bacillota")
        #expect(collapsed.provenance.steps.last?.parameters["taxa-merged"] == "1")
        #expect(collapsed.sampleTotals() == [17, 25])
    }

    @Test func placeholdersUnderDifferentParentsAreNotPooled() throws {
        let table = try F.table(samples: ["S1"], rows: [
            ("k__Bacteria; p__Bacillota; f__Lachnospiraceae; g__", [3]),
            ("k__Bacteria; p__Bacillota; f__Ruminococcaceae; g__", [4]),
        ])
        let collapsed = try table.collapsed(to: .genus)
        #expect(collapsed.taxa.map { $0.lineage.name(at: .genus) } == ["unclassified Lachnospiraceae", "unclassified Ruminococcaceae"])
    }

    /// A Kraken-like clade-cumulative count profile:
    ///
    ///     k__Bacteria                                    100   (direct 10)
    ///     k__Bacteria|p__Bacillota                        60   (direct 10)
    ///     k__Bacteria|p__Bacillota|g__Blautia             50   (direct 20)
    ///     k__Bacteria|p__Bacillota|g__Blautia|s__obeum    30
    ///     k__Bacteria|p__Bacteroidota                     30   (direct 30, no genus rows)
    ///
    /// At genus: Blautia 50 (its own row, not 30 from its species), unclassified Bacillota 10,
    /// unclassified Bacteroidota 30, unclassified Bacteria 10 — total 100.
    @Test func collapsingACumulativeTableTakesTheRowsAtThatRank() throws {
        let table = try F.table(structure: .cladeCumulative, samples: ["S1"], rows: [
            ("k__Bacteria", [100]), ("k__Bacteria|p__Bacillota", [60]), ("k__Bacteria|p__Bacillota|g__Blautia", [50]),
            ("k__Bacteria|p__Bacillota|g__Blautia|s__obeum", [30]), ("k__Bacteria|p__Bacteroidota", [30]),
        ])
        let collapsed = try table.collapsed(to: .genus)
        #expect(collapsed.structure == .leaves)
        #expect(F.values(collapsed, sample: "S1") == [
            "k__Bacteria;p__Bacillota;g__Blautia": 50, "k__Bacteria;p__Bacillota;g__unclassified Bacillota": 10,
            "k__Bacteria;p__Bacteroidota;g__unclassified Bacteroidota": 30, "k__Bacteria;g__unclassified Bacteria": 10,
        ])
        #expect(collapsed.sampleTotals() == table.sampleTotals())
    }

    @Test func collapseKeepsTheLevelTaxIDAndDropsTheSpeciesOne() throws {
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
        try builder.addSample(Sample(id: "S1"))
        let lineage = Lineage([LineageEntry(rank: .domain, name: "Bacteria", id: "2"),
                               LineageEntry(rank: .genus, name: "Bacteroides", id: "816"),
                               LineageEntry(rank: .species, name: "Bacteroides fragilis", id: "817")])!
        try builder.addTaxon(Taxon(id: "817", label: "Bacteroides fragilis", lineage: lineage,
                                   taxonID: TaxonID(system: "ncbi", value: "817")))
        try builder.setValue(4, sample: 0, taxon: 0)
        let collapsed = try builder.build().collapsed(to: .genus)
        #expect(collapsed.taxa.first?.taxonID == TaxonID(system: "ncbi", value: "816"))
        #expect(collapsed.taxa.first?.origins == [TaxonOrigin(label: "Bacteroides fragilis")])
    }

    @Test func collapseToUnrankedIsAnError() throws {
        #expect(throws: TransformError.unrankedTarget) { try small().collapsed(to: .unranked) }
    }

    @Test func mappingTaxaMergesThoseThatBecomeTheSameAndKeepsEveryLabel() throws {
        let table = try F.table(samples: ["S1", "S2"], rows: [
            ("k__Bacteria; p__Firmicutes", [4, 1]),
            ("k__Bacteria; p__Bacillota", [6, 0]),
            ("k__Bacteria; p__Bacteroidetes", [1, 1]),
        ], source: [.sourceFile: "old-names.tsv"])
        let renames = ["Firmicutes": "Bacillota", "Bacteroidetes": "Bacteroidota"]
        let mapped = try table.mappingTaxa(parameters: ["target": "lpsn"]) { taxon in
            var renamed = taxon
            let entries = taxon.lineage.entries.map { LineageEntry(rank: $0.rank, name: renames[$0.name] ?? $0.name) }
            renamed.lineage = Lineage(entries)!
            return renamed
        }
        #expect(mapped.taxa.map(\.id) == ["k__Bacteria; p__Firmicutes", "k__Bacteria; p__Bacteroidetes"])
        #expect(mapped.taxa[0].lineage.name(at: .phylum) == "Bacillota")
        #expect(mapped.taxa[0].origins == [TaxonOrigin(label: "k__Bacteria; p__Firmicutes", input: "old-names.tsv"),
                                           TaxonOrigin(label: "k__Bacteria; p__Bacillota", input: "old-names.tsv")])
        #expect(mapped.taxa[1].origins.isEmpty)
        #expect(F.values(mapped, sample: "S1") == ["k__Bacteria; p__Firmicutes": 10, "k__Bacteria; p__Bacteroidetes": 1])
        let step = try #require(mapped.provenance.steps.last)
        #expect(step.action == .mapTaxa)
        #expect(step.parameters == ["target": "lpsn", "taxa-merged": "1"])
    }

    @Test func diagnosticsFollowTheirTaxaThroughMerges() throws {
        var table = try F.table(samples: ["S1"], rows: [("k__Bacteria; p__Bacillota; g__Blautia; s__a", [1]),
                                                        ("k__Bacteria; p__Bacillota; g__Blautia; s__b", [1])])
        table.diagnostics = [Diagnostic(code: "taxonomy.unknown-rank", message: "x", taxon: "k__Bacteria; p__Bacillota; g__Blautia; s__b")]
        let collapsed = try table.collapsed(to: .genus)
        #expect(collapsed.diagnostics.map(\.taxon) == ["k__Bacteria;p__Bacillota;g__Blautia"])
        let filtered = table.filteringTaxa { $0.id.hasSuffix("s__a") }
        #expect(filtered.diagnostics.isEmpty)
        #expect(filtered.provenance.steps.last?.parameters["diagnostics-dropped"] == "1")
    }

    @Test func concatenationJoinsTaxaByIdentityAndKeepsEachSamplesSource() throws {
        let labA = try F.table(samples: ["A1"], rows: [("k__Bacteria; p__Bacillota; g__Blautia", [7]), ("Blautia", [1])],
                               source: [.sourceFile: "a.tsv", .lab: "Lab A", .pipeline: "QIIME 2"])
        let labB = try F.table(samples: ["B1", "B2"], rows: [("k__Bacteria;p__Bacillota;g__Blautia", [3, 0]), ("Blautia", [0, 2])],
                               source: [.sourceFile: "b.tsv", .lab: "Lab B", .pipeline: "QIIME 2"])
        let cohort = try ProfileTable.concatenating([labA, labB])
        #expect(cohort.samples.map(\.id) == ["A1", "B1", "B2"])
        // The lineages join; the bare name "Blautia" is not an identity and stays one row per input.
        #expect(cohort.taxa.map(\.id) == ["k__Bacteria; p__Bacillota; g__Blautia", "Blautia", "Blautia~2"])
        #expect(cohort.taxa[0].origins == [TaxonOrigin(label: "k__Bacteria; p__Bacillota; g__Blautia", input: "a.tsv"),
                                           TaxonOrigin(label: "k__Bacteria;p__Bacillota;g__Blautia", input: "b.tsv")])
        #expect(F.values(cohort, sample: "B1") == ["k__Bacteria; p__Bacillota; g__Blautia": 3])
        #expect(cohort.provenance.source[.pipeline] == "QIIME 2")
        #expect(cohort.provenance.source[.lab] == nil)
        #expect(cohort.source(ofSample: 0)[.lab] == "Lab A")
        #expect(cohort.source(ofSample: 2)[.lab] == "Lab B")
        #expect(cohort.source(ofSample: 2)[.sourceFile] == "b.tsv")
        #expect(cohort.provenance.steps.last?.action == .concatenate)
    }

    @Test func concatenationRefusesDuplicateSamplesUnlessRenaming() throws {
        let first = try F.table(samples: ["S1"], rows: [("k__Bacteria; p__X", [1])], source: [.sourceFile: "a.tsv"])
        let second = try F.table(samples: ["S1"], rows: [("k__Bacteria; p__X", [2])], source: [.sourceFile: "b.tsv"])
        #expect(throws: TransformError.duplicateSample(id: "S1", inputs: ["a.tsv", "b.tsv"])) {
            try ProfileTable.concatenating([first, second])
        }
        let renamed = try ProfileTable.concatenating([first, second], duplicateSamples: .rename)
        #expect(renamed.samples.map(\.id) == ["S1", "S1-2"])
        #expect(renamed.samples[1].metadata["original-id"] == .string("S1"))
    }

    @Test func concatenationNeedsOneUnitAndOneStructure() throws {
        let counts = try F.table(samples: ["S1"], rows: [("k__Bacteria; p__X", [1])])
        let percent = try F.table(unit: .percent, samples: ["S2"], rows: [("k__Bacteria; p__X", [1])])
        #expect(throws: TransformError.unitMismatch([.counts, .percent])) { try ProfileTable.concatenating([counts, percent]) }
        let cumulative = try F.table(structure: .cladeCumulative, samples: ["S3"], rows: [("k__Bacteria; p__X", [1])])
        #expect(throws: TransformError.structureMismatch) { try ProfileTable.concatenating([counts, cumulative]) }
        #expect(throws: TransformError.noTables) { try ProfileTable.concatenating([]) }
    }

    @Test func taxaThatShareALineageInOneTableAreSequenceFeatures() throws {
        let table = try F.table(samples: ["S1"], rows: [("k__Bacteria; g__Blautia", [1])])
        var asvs = ProfileTableBuilder(unit: .counts, structure: .leaves)
        try asvs.addSample(Sample(id: "S2"))
        for id in ["asv-1", "asv-2"] {
            try asvs.addTaxon(Taxon(id: id, label: id, lineage: LineageParser.parse("k__Bacteria; g__Blautia")))
        }
        let keys = try asvs.build().taxonKeys()
        #expect(keys == [.feature("asv-1"), .feature("asv-2")])
        #expect(table.taxonKeys() == [.lineage([LineageEntry(rank: .kingdom, name: "bacteria"),
                                               LineageEntry(rank: .genus, name: "blautia")])])
    }

    @Test func taxonKeysPreferTheTaxIDAndNormaliseNames() throws {
        let byID = Taxon(id: "x", label: "x", taxonID: TaxonID(system: "NCBI", value: "816", release: "2024-01"))
        #expect(TaxonKey(byID, scope: "") == .taxonID(system: "ncbi", value: "816"))
        let underscored = Taxon(id: "a", label: "a", lineage: LineageParser.parse("g__Faecalibacterium|s__Faecalibacterium_prausnitzii"))
        let spaced = Taxon(id: "b", label: "b", lineage: LineageParser.parse("g__Faecalibacterium; s__Faecalibacterium  prausnitzii"))
        #expect(TaxonKey(underscored, scope: "1") == TaxonKey(spaced, scope: "2"))
        let bare = Taxon(id: "Senegalia", label: "Senegalia", lineage: LineageParser.parse("Senegalia"))
        #expect(TaxonKey(bare, scope: "plants.tsv") != TaxonKey(bare, scope: "gut.tsv"))
    }
}
