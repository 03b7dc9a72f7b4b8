import ProfileModel
import Testing
@testable import Taxonomy

@Suite("Nomenclature that differs only by convention")
struct NomenclatureTests {
    @Test func spirochaetaeIsSILVAsSpellingOfSpirochaetes() {
        let result = NomenclatureNormalizer.normalize("Spirochaetae", rank: .phylum)
        #expect(result.name == "Spirochaetes")
        #expect(result.rules == [.spellingVariant])
        let resolved = TaxonResolver(target: .lpsn).resolve(Taxon(id: "s", label: "D_1__Spirochaetae",
                                                                   lineage: LineageParser.parse("D_0__Bacteria;D_1__Spirochaetae")))
        #expect(resolved.resolved.lineage.name(at: .phylum) == "Spirochaetota")
        #expect(resolved.methods.contains(.normalised))
        #expect(resolved.evidence.contains { $0.source.contains("phyloseq") })
    }

    @Test func candidateDivisionForms() {
        #expect(NomenclatureNormalizer.normalize("Candidate_division_OP3", rank: .phylum).name == "OP3")
        #expect(NomenclatureNormalizer.normalize("candidate division TM6", rank: .phylum) == NormalizedName(name: "TM6", rules: [.candidateDivision]))
        #expect(NomenclatureNormalizer.normalize("OP3", rank: .phylum).rules.isEmpty)
    }

    @Test func rdpJointLabel() {
        #expect(NomenclatureNormalizer.normalize("Cyanobacteria/Chloroplast", rank: .phylum) == NormalizedName(name: "Cyanobacteria", rules: [.jointLabel]))
    }

    @Test func metaphlanSpeciesTakeNCBIPunctuation() {
        #expect(NomenclatureNormalizer.normalize("Eubacterium_sp_CAG_180", rank: .species)
                == NormalizedName(name: "Eubacterium sp. CAG:180", rules: [.underscoresToSpaces, .abbreviationPunctuation]))
        #expect(NomenclatureNormalizer.normalize("Blautia_A obeum", rank: .species).rules.isEmpty)
    }

    @Test func strayQuotesOfMiasFixture() {
        #expect(NomenclatureNormalizer.normalize("\"k__Bacteria", rank: .kingdom).name == "k__Bacteria")
        #expect(NomenclatureNormalizer.normalize("Bacteroides\"", rank: .genus) == NormalizedName(name: "Bacteroides", rules: [.strayQuotes]))
    }

    @Test func rankPrefixesOfEveryStyleMeetInOneLineage() {
        let resolver = TaxonResolver(target: .lpsn)
        let styles = ["k__Bacteria; p__Firmicutes; c__Bacilli", "d__Bacteria;p__Firmicutes;c__Bacilli",
                      "D_0__Bacteria;D_1__Firmicutes;D_2__Bacilli", "k__Bacteria|p__Firmicutes|c__Bacilli"]
        let phyla = styles.map { resolver.resolve(Taxon(id: $0, label: $0, lineage: LineageParser.parse($0))).resolved.lineage.name(at: .phylum) }
        #expect(Set(phyla) == ["Bacillota"])
    }
}
