import Testing
@testable import ProfileModel

@Suite("Unit conversions")
struct UnitConversionTests {
    private func counts(_ values: [Double], structure: ProfileStructure = .leaves, labels: [String]? = nil) throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .counts, structure: structure)
        try builder.addSample(Sample(id: "S1"))
        for (index, value) in values.enumerated() {
            let label = labels?[index] ?? "T\(index)"
            try builder.addTaxon(Taxon(id: label, label: label, lineage: LineageParser.parse(label)))
            try builder.setValue(value, sample: 0, taxon: index)
        }
        return try builder.build()
    }

    private func values(_ table: ProfileTable) -> [Double] { table.abundances.values }

    @Test func countsToRelativeDividesOnce() throws {
        let table = try counts([3, 7, 1])
        // Each value is the correctly rounded quotient count / 11.
        #expect(values(try table.converted(to: .relative)) == [3.0 / 11, 7.0 / 11, 1.0 / 11])
    }

    @Test func countsToPercentAndCPMAreExactWhenTheQuotientIs() throws {
        let table = try counts([3, 7, 10, 980])
        #expect(values(try table.converted(to: .percent)) == [0.3, 0.7, 1, 98])
        #expect(values(try table.converted(to: .cpm)) == [3_000, 7_000, 10_000, 980_000])
    }

    @Test func compositionalUnitsRescaleByTheExactFactor() throws {
        let percent = try counts([25, 75]).converted(to: .percent)
        #expect(values(percent) == [25, 75])
        let relative = try percent.converted(to: .relative)
        #expect(values(relative) == [0.25, 0.75])
        #expect(values(try relative.converted(to: .percent)) == [25, 75])
        #expect(values(try percent.converted(to: .cpm)) == [250_000, 750_000])
        #expect(values(try percent.converted(to: .cpm).converted(to: .percent)) == [25, 75])
    }

    @Test func relativeCannotBecomeCounts() throws {
        let relative = try counts([1, 1]).converted(to: .relative)
        #expect(throws: UnitConversionError.cannotRecoverCounts(from: .relative)) { try relative.converted(to: .counts) }
    }

    @Test func cumulativeTablesUseTopLevelTotals() throws {
        let table = try counts([10, 10, 4], structure: .cladeCumulative,
                               labels: ["k__Bacteria", "k__Bacteria|p__Firmicutes", "k__Bacteria|p__Firmicutes|g__Blautia"])
        #expect(values(try table.converted(to: .relative)) == [1, 1, 0.4])
    }

    @Test func conversionsAreLogged() throws {
        let converted = try counts([1]).converted(to: .percent)
        #expect(converted.unit == .percent)
        #expect(converted.provenance.steps == [ProvenanceStep(action: .convertUnit, parameters: ["from": "counts", "to": "percent"])])
    }
}
