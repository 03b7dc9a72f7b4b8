import Testing
@testable import ProfileModel

/// The tool styles of `docs/TAXONOMY.md` §1 that arrive in pieces, on real strings quoted there.
@Suite("Lineage parsing: tool styles")
struct LineageParserToolStylesTests {
    @Test func krakenRankCodesFromARealReport() throws {
        // Lines of jenniferlu717/Bracken sample_data/sample_output_bracken.report (§1.8).
        #expect(LineageParser.krakenRank(code: "U")! == (nil, 0))
        #expect(LineageParser.krakenRank(code: "R1")! == (nil, 1))
        #expect(LineageParser.krakenRank(code: "S")! == (.species, 0))
        #expect(LineageParser.krakenRank(code: "G2")! == (.genus, 2))
        #expect(LineageParser.krakenRank(code: "D")! == (.domain, 0))
        #expect(LineageParser.krakenRank(code: "X") == nil)
        #expect(LineageParser.krakenRank(code: "S1a") == nil)
    }

    @Test func ncbiNameAndRankLineages() {
        // taxonkit doc/docs/usage.md (§1.11).
        let names = "cellular organisms;Bacteria;environmental samples;uncultured murine large bowel bacterium BAC 54B"
        let plain = LineageParser.fromNCBI(names: names)
        #expect(plain.entries.count == 4)
        #expect(plain.entries.allSatisfy { $0.rank == .unranked })
        let ranked = LineageParser.fromNCBI(names: names, ranks: "no rank;superkingdom;no rank;species")
        #expect(ranked.entries.map(\.rank) == [.unranked, .domain, .unranked, .species])
        #expect(ranked.name(at: .species) == "uncultured murine large bowel bacterium BAC 54B")
    }

    @Test func ncbiRepeatedRankStaysInOrder() {
        let lineage = LineageParser.fromNCBI(names: "Eukaryota;Opisthokonta;Fungi", ranks: "domain;clade;kingdom")
        #expect(lineage.entries.map(\.rank) == [.domain, .unranked, .kingdom])
        let repeated = LineageParser.fromNCBI(names: "Viruses;Riboviria", ranks: "superkingdom;domain")
        #expect(repeated.entries.map(\.rank) == [.domain, .unranked])
    }

    @Test func gtdbSuffixesOfRealNames() {
        // MetaPhlAn's SGB-to-GTDB r207 table (§1.6).
        #expect(LineageParser.splitGTDBSuffix("Firmicutes_A")! == ("Firmicutes", ["A"]))
        #expect(LineageParser.splitGTDBSuffix("Ruminococcus flavefaciens_AA")! == ("Ruminococcus flavefaciens", ["AA"]))
        #expect(LineageParser.splitGTDBSuffix("Clostridium_R aminophilum_A")! == ("Clostridium aminophilum", ["R", "A"]))
        #expect(LineageParser.splitGTDBSuffix("Blautia_A obeum")! == ("Blautia obeum", ["A"]))
        for silva in ["Clostridium_sensu_stricto_1", "Ruminococcaceae_UCG-004", "Lachnospiraceae_ND3007_group",
                      "Butyrivibrio_sp_CAG_318", "Candidatus_Aenigmarchaeum", "Pelethomonas sp910579485", "Faecalibacterium prausnitzii"] {
            #expect(LineageParser.splitGTDBSuffix(silva) == nil, "\(silva)")
        }
    }

    @Test func greengenes2EmptyLineage() {
        // biocore/q2-greengenes2 q2_gg2/tests/test_methods.py (§1.2).
        let (lineage, style) = LineageParser.parseWithStyle("d__; p__; c__; o__; f__; g__; s__")
        #expect(style == .prefixed)
        #expect(lineage.entries.count == 7)
        #expect(lineage.deepestNamed == nil)
    }
}
