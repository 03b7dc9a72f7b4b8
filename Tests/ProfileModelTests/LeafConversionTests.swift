import Testing
@testable import ProfileModel

@Suite("Clade-cumulative to leaves")
struct LeafConversionTests {
    /// A MetaPhlAn-like percent profile, worked by hand:
    ///
    ///     k__Bacteria                               100
    ///     k__Bacteria|p__Firmicutes                  60  (children 35 → residual 25)
    ///     …|p__Firmicutes|g__Faecalibacterium        35  (children 30 → residual 5)
    ///     …|g__Faecalibacterium|s__F_prausnitzii     30  (leaf)
    ///     k__Bacteria|p__Bacteroidetes               40  (children 40 → residual 0)
    ///     …|p__Bacteroidetes|s__B_fragilis           40  (leaf)
    ///
    /// Leaves: F. prausnitzii 30, B. fragilis 40, Firmicutes residual 25, Faecalibacterium residual 5 = 100.
    private func metaphlanLike() throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .percent, structure: .cladeCumulative)
        try builder.addSample(Sample(id: "S1"))
        let rows: [(String, Double)] = [
            ("k__Bacteria", 100),
            ("k__Bacteria|p__Firmicutes", 60),
            ("k__Bacteria|p__Firmicutes|g__Faecalibacterium", 35),
            ("k__Bacteria|p__Firmicutes|g__Faecalibacterium|s__F_prausnitzii", 30),
            ("k__Bacteria|p__Bacteroidetes", 40),
            ("k__Bacteria|p__Bacteroidetes|s__B_fragilis", 40),
        ]
        for (label, value) in rows {
            let index = try builder.addTaxon(Taxon(id: label, label: label, lineage: LineageParser.parse(label)))
            try builder.setValue(value, sample: 0, taxon: index)
        }
        return try builder.build()
    }

    @Test func cumulativeTotalsCountTheTopLevelOnly() throws {
        #expect(try metaphlanLike().sampleTotals() == [100])
    }

    @Test func residualMassBecomesExplicitUnclassifiedRows() throws {
        let leaves = try metaphlanLike().toLeaves()
        #expect(leaves.structure == .leaves)
        var values: [String: Double] = [:]
        for (taxon, value) in leaves.abundances.entries(ofSample: 0) { values[leaves.taxa[taxon].id] = value }
        #expect(values == [
            "k__Bacteria|p__Firmicutes|g__Faecalibacterium|s__F_prausnitzii": 30,
            "k__Bacteria|p__Bacteroidetes|s__B_fragilis": 40,
            "k__Bacteria|p__Firmicutes|unclassified": 25,
            "k__Bacteria|p__Firmicutes|g__Faecalibacterium|unclassified": 5,
        ])
        #expect(leaves.sampleTotals() == [100])
        let residual = try #require(leaves.taxa.first { $0.id == "k__Bacteria|p__Firmicutes|unclassified" })
        #expect(residual.metadata["residual-of"] == .string("k__Bacteria|p__Firmicutes"))
        #expect(residual.lineage.deepestNamed?.name == "Firmicutes")
        #expect(leaves.provenance.steps.last?.action == .toLeaves)
    }

    @Test func childrenExceedingTheirParentAreReported() throws {
        var builder = ProfileTableBuilder(unit: .counts, structure: .cladeCumulative)
        try builder.addSample(Sample(id: "S1"))
        let parent = try builder.addTaxon(Taxon(id: "g", label: "g__A", lineage: LineageParser.parse("g__A")))
        let child = try builder.addTaxon(Taxon(id: "s", label: "g__A|s__A_b", lineage: LineageParser.parse("g__A|s__A_b")))
        try builder.setValue(10, sample: 0, taxon: parent)
        try builder.setValue(12, sample: 0, taxon: child)
        let leaves = try builder.build().toLeaves()
        #expect(leaves.diagnostics.map(\.code) == ["abundance.children-exceed-parent"])
    }

    @Test func roundingNoiseInPercentDoesNotCreateRows() throws {
        var builder = ProfileTableBuilder(unit: .percent, structure: .cladeCumulative)
        try builder.addSample(Sample(id: "S1"))
        let genus = try builder.addTaxon(Taxon(id: "g", label: "g__A", lineage: LineageParser.parse("g__A")))
        let species = try builder.addTaxon(Taxon(id: "s", label: "g__A|s__A_b", lineage: LineageParser.parse("g__A|s__A_b")))
        try builder.setValue(100, sample: 0, taxon: genus)
        try builder.setValue(99.99999, sample: 0, taxon: species)
        let leaves = try builder.build().toLeaves()
        #expect(leaves.taxa.map(\.id) == ["s"])
    }

    @Test func leavesStayAsTheyAre() throws {
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
        try builder.addSample(Sample(id: "S1"))
        let table = try builder.build()
        #expect(table.toLeaves() == table)
    }
}
