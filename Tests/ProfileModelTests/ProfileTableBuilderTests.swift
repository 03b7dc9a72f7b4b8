import Testing
@testable import ProfileModel

@Suite("ProfileTableBuilder invariants")
struct ProfileTableBuilderTests {
    private func builderWithTwoSamplesAndTaxa() throws -> ProfileTableBuilder {
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
        try builder.addSample(Sample(id: "S1"))
        try builder.addSample(Sample(id: "S2"))
        try builder.addTaxon(Taxon(id: "T1", label: "g__Bacteroides"))
        try builder.addTaxon(Taxon(id: "T2", label: "g__Prevotella"))
        return builder
    }

    @Test func rejectsDuplicateSampleIDs() throws {
        var builder = try builderWithTwoSamplesAndTaxa()
        #expect(throws: BuilderError.duplicateSampleID("S1")) { try builder.addSample(Sample(id: "S1")) }
    }

    @Test func rejectsDuplicateAndEmptyTaxonIDs() throws {
        var builder = try builderWithTwoSamplesAndTaxa()
        #expect(throws: BuilderError.duplicateTaxonID("T2")) { try builder.addTaxon(Taxon(id: "T2", label: "x")) }
        #expect(throws: BuilderError.emptyTaxonID) { try builder.addTaxon(Taxon(id: "", label: "x")) }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func rejectsNonFiniteValues(_ value: Double) throws {
        var builder = try builderWithTwoSamplesAndTaxa()
        #expect(throws: BuilderError.nonFiniteValue(sample: "S1", taxon: "T2")) {
            try builder.setValue(value, sample: 0, taxon: 1)
        }
    }

    @Test func rejectsNegativeValues() throws {
        var builder = try builderWithTwoSamplesAndTaxa()
        #expect(throws: BuilderError.negativeValue(sample: "S2", taxon: "T1", value: -1)) {
            try builder.setValue(-1, sample: 1, taxon: 0)
        }
    }

    @Test func rejectsOutOfRangeIndices() throws {
        var builder = try builderWithTwoSamplesAndTaxa()
        #expect(throws: BuilderError.indexOutOfRange(sample: 2, taxon: 0)) { try builder.setValue(1, sample: 2, taxon: 0) }
    }

    @Test func rejectsTheSameCellTwice() throws {
        var builder = try builderWithTwoSamplesAndTaxa()
        try builder.setValue(3, sample: 0, taxon: 1)
        try builder.setValue(4, sample: 0, taxon: 1)
        #expect(throws: BuilderError.duplicateEntry(sample: "S1", taxon: "T2")) { try builder.build() }
    }

    @Test func compressesBySampleWhateverTheFeedOrder() throws {
        var builder = try builderWithTwoSamplesAndTaxa()
        // Fed taxon by taxon, as a taxa-as-rows table arrives.
        try builder.setValue(5, sample: 1, taxon: 1)
        try builder.setValue(0, sample: 0, taxon: 1)
        try builder.setValue(7, sample: 1, taxon: 0)
        try builder.setValue(2, sample: 0, taxon: 0)
        let table = try builder.build()
        #expect(table.abundances.rowStarts == [0, 1, 3])
        #expect(table.abundances.taxonIndices == [0, 0, 1])
        #expect(table.abundances.values == [2, 7, 5])
        #expect(table.value(sample: 0, taxon: 1) == 0)
        #expect(table.value(sample: 1, taxon: 1) == 5)
        #expect(table.sampleTotals() == [2, 12])
    }

    @Test func flagsFractionalCounts() throws {
        var builder = try builderWithTwoSamplesAndTaxa()
        try builder.setValue(2.5, sample: 0, taxon: 0)
        let table = try builder.build()
        #expect(table.diagnostics.map(\.code) == ["abundance.fractional-counts"])
    }

    @Test func lineagesMustBeRankOrdered() {
        #expect(Lineage([(.genus, "Bacteroides"), (.phylum, "Bacteroidota")]) == nil)
        #expect(Lineage([(.phylum, "Bacteroidota"), (.phylum, "Bacillota")]) == nil)
        #expect(Lineage([(.phylum, "Bacteroidota"), (.unranked, "clade X"), (.genus, "Bacteroides")]) != nil)
    }
}
