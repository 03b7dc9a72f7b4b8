import ConformanceKit
import FormatKit
import ProfileModel
import Testing

@Suite struct ProfileComparisonTests {
    func table(_ values: [(String, String, Double)], samples: [String] = ["S1", "S2"], unit: AbundanceUnit = .counts,
               label: (String) -> String = { $0 }, metadata: [String: MetadataValue] = [:]) throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: unit, structure: .leaves)
        for sample in samples { try builder.addSample(Sample(id: sample, metadata: metadata)) }
        for (_, taxon, _) in values where builder.taxonIndex(id: taxon) == nil {
            try builder.addTaxon(Taxon(id: taxon, label: label(taxon)))
        }
        for (sample, taxon, value) in values {
            try builder.setValue(value, sample: builder.sampleIndex(id: sample)!, taxon: builder.taxonIndex(id: taxon)!)
        }
        return try builder.build()
    }

    @Test func valuesAgreeWithinTheRelativeTolerance() throws {
        let expected = try table([("S1", "a", 0.1 + 0.2)])
        let close = try table([("S1", "a", 0.3)])
        let far = try table([("S1", "a", 0.3000001)])
        #expect(ProfileComparison.differences(expected: expected, actual: close).isEmpty)
        #expect(ProfileComparison.differences(expected: expected, actual: far).map(\.field) == [.abundances])
    }

    @Test func aMissingValueIsReportedWithItsSampleAndTaxon() throws {
        let expected = try table([("S1", "a", 5), ("S2", "a", 2)])
        let actual = try table([("S1", "a", 5)])
        #expect(ProfileComparison.differences(expected: expected, actual: actual).map(\.description)
                == ["abundances [sample 'S2', taxon 'a']: expected 2, got 0"])
    }

    @Test func reorderedSamplesAreOneOrderDifferenceNotManyValueDifferences() throws {
        let expected = try table([("S1", "a", 5), ("S2", "a", 2)])
        let actual = try table([("S1", "a", 5), ("S2", "a", 2)], samples: ["S2", "S1"])
        #expect(ProfileComparison.differences(expected: expected, actual: actual).map(\.field) == [.sampleOrder])
    }

    @Test func missingAndExtraTaxaAreNamed() throws {
        let expected = try table([("S1", "a", 5)])
        let actual = try table([("S1", "b", 5)])
        #expect(ProfileComparison.differences(expected: expected, actual: actual).map(\.description)
                == ["taxa.id [taxon 'a']: expected present, got missing", "taxa.id [taxon 'b']: expected absent, got present"])
    }

    @Test func taxaCanBeMatchedByLabel() throws {
        let expected = try table([("S1", "a", 5)], label: { "label-\($0)" })
        let renamed = try table([("S1", "x", 5)], label: { _ in "label-a" })
        let rules = ComparisonRules(matchTaxaByLabel: true)
        #expect(ProfileComparison.differences(expected: expected, actual: renamed, rules: rules).map(\.field) == [.taxonIDs])
    }

    @Test func metadataTypesMustMatch() throws {
        let expected = try table([("S1", "a", 5)], metadata: ["age": .integer(41)])
        let text = try table([("S1", "a", 5)], metadata: ["age": .string("41")])
        let differences = ProfileComparison.differences(expected: expected, actual: text)
        #expect(differences.map(\.field) == [.sampleMetadata, .sampleMetadata])
        #expect(differences[0].description == "samples.metadata [sample 'S1' key 'age']: expected integer 41, got string '41'")
    }

    @Test func nanMetadataEqualsNaNAndInfinitiesOnlyThemselves() throws {
        let readings: [String: MetadataValue] = ["reading": .number(.nan), "series": .list([.number(.nan), .number(1)]),
                                                 "upper": .number(.infinity)]
        let expected = try table([("S1", "a", 5)], metadata: readings)
        #expect(ProfileComparison.differences(expected: expected, actual: try table([("S1", "a", 5)], metadata: readings)).isEmpty)

        var changed = readings
        changed["reading"] = .number(0)
        changed["upper"] = .number(-.infinity)
        let differences = ProfileComparison.differences(expected: expected, actual: try table([("S1", "a", 5)], metadata: changed))
        #expect(differences.map(\.description).prefix(2) == ["samples.metadata [sample 'S1' key 'reading']: expected number nan, got number 0",
                                                              "samples.metadata [sample 'S1' key 'upper']: expected number inf, got number -inf"])
        let rules = ComparisonRules.exact
        #expect(!rules.agree(.infinity, 1e308) && !rules.agree(.nan, 0) && rules.agree(-.infinity, -.infinity))
    }

    @Test func unitAndProvenanceDifferences() throws {
        let expected = try table([("S1", "a", 0.5)], unit: .relative)
        var actual = try table([("S1", "a", 0.5)], unit: .percent)
        actual.provenance.steps.append(ProvenanceStep(action: .import, format: "x"))
        actual.provenance.source[.sourceFile] = "a.tsv"
        #expect(ProfileComparison.differences(expected: expected, actual: actual).map(\.field)
                == [.unit, .provenanceSource, .provenanceSteps])
        let lenient = ComparisonRules(allowImporterAdditions: true)
        #expect(ProfileComparison.differences(expected: expected, actual: actual, rules: lenient).map(\.field) == [.unit])
    }

    @Test func aLossOfAParentFieldCoversItsChildren() {
        #expect(ProfileField.taxonLineages.isCovered(byLossOf: .taxa))
        #expect(ProfileField.taxonLineages.isCovered(byLossOf: .taxonLineages))
        #expect(!ProfileField.taxonLabels.isCovered(byLossOf: .taxonLineages))
        #expect(!ProfileField.taxonIDs.isCovered(byLossOf: .taxonOrder))
    }
}
