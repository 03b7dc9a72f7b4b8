import ProfileModel
import Testing
@testable import Taxonomy

@Suite("Placeholders, on strings the pipelines write")
struct PlaceholderTests {
    @Test(arguments: [
        ("uncultured", PlaceholderKind.uncultured), ("uncultured_bacterium", .uncultured),
        ("uncultured Candidatus Methanomethylophilus sp.", .uncultured),
        ("Lachnospiraceae_unclassified", .unclassified), ("unclassified Retroviridae", .unclassified),
        ("Bacteria_unclassified", .unclassified), ("_DADA2_UNSPECIFIED", .unclassified), ("unidentified", .unclassified),
        ("Incertae Sedis", .incertaeSedis), ("Agaricomycetes incertae sedis", .incertaeSedis),
        ("human gut metagenome", .metagenome), ("environmental samples", .environmentalSamples),
        ("Russula sp. 8 KA-2019", .unnamedSpecies), ("Butyrivibrio_sp_CAG_318", .unnamedSpecies),
        ("Pelethomonas sp910579485", .unnamedSpecies),
        ("Ruminococcaceae_UCG-004", .numberedGroup), ("Lachnospiraceae_ND3007_group", .numberedGroup),
        ("Bacteroidales_S24-7_group", .numberedGroup), ("Clostridium_sensu_stricto_1", .numberedGroup),
        ("[Eubacterium]_coprostanoligenes_group", .numberedGroup),
        ("GGB54153", .genomeBin), ("CFGB76704", .genomeBin), ("GGB54153_SGB41631", .genomeBin),
        ("Candidatus_Aenigmarchaeum", .candidatus), ("Candidatus Marsarchaeota", .candidatus),
    ])
    func recognised(_ name: String, _ kind: PlaceholderKind) {
        #expect(PlaceholderRecognizer.kinds(of: name).contains(kind), "\(name)")
    }

    @Test(arguments: ["Bacteroides", "Faecalibacterium prausnitzii", "Escherichia-Shigella", "Firmicutes_A",
                      "Blautia_A sp000436615", "[Ruminococcus]_gnavus", "Spirochaetae"])
    func formalNamesAreNotPlaceholders(_ name: String) {
        let kinds = PlaceholderRecognizer.kinds(of: name)
        #expect(kinds.isEmpty || name.contains("sp0"), "\(name): \(kinds)")
    }

    @Test func candidatusAloneIsNoPlaceholder() {
        #expect(!PlaceholderRecognizer.isPlaceholder("Candidatus_Aenigmarchaeum"))
        #expect(PlaceholderRecognizer.isPlaceholder("uncultured"))
    }

    @Test func rankPropagationRepeatsTheParent() {
        // RESCRIPt's example: f__Pasteurellaceae; g__Pasteurellaceae.
        #expect(PlaceholderRecognizer.kinds(of: "Pasteurellaceae", parent: "Pasteurellaceae") == [.propagatedParent])
    }

    @Test func placeholdersAreEqualOnlyUnderTheSameParent() {
        let resolver = TaxonResolver(target: .lpsn)
        func identity(_ text: String) -> TaxonKey {
            resolver.resolve(Taxon(id: text, label: text, lineage: LineageParser.parse(text))).identity
        }
        let underLachno = identity("d__Bacteria; p__Firmicutes; c__Clostridia; o__Lachnospirales; f__Lachnospiraceae; g__uncultured")
        let underOscillo = identity("d__Bacteria; p__Firmicutes; c__Clostridia; o__Oscillospirales; f__Oscillospiraceae; g__uncultured")
        let againLachno = identity("d__Bacteria;p__Firmicutes;c__Clostridia;o__Lachnospirales;f__Lachnospiraceae;g__uncultured")
        #expect(underLachno != underOscillo)
        #expect(underLachno == againLachno)
    }
}
