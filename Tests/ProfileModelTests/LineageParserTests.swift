import Testing
@testable import ProfileModel

@Suite("Lineage parsing")
struct LineageParserTests {
    private func pairs(_ text: String, rank: Rank? = nil) -> [String] {
        LineageParser.parse(text, rankHint: rank).entries.map { "\($0.rank.rawValue):\($0.name)" }
    }

    @Test func greengenesKeepsEmptyRanks() {
        let (lineage, style) = LineageParser.parseWithStyle("k__Bacteria; p__Chloroflexi; c__Anaerolineae; o__GCA004; f__; g__; s__")
        #expect(style == .prefixed)
        #expect(lineage.entries.count == 7)
        #expect(lineage.deepestNamed == LineageEntry(rank: .order, name: "GCA004"))
        #expect(lineage.name(at: .family) == nil)
    }

    @Test func silvaAndGTDBPrefixes() {
        #expect(pairs("d__Bacteria;p__Firmicutes_A;c__Clostridia;o__Lachnospirales;f__Lachnospiraceae;g__Blautia_A;s__Blautia_A sp000436615")
                == ["domain:Bacteria", "phylum:Firmicutes_A", "class:Clostridia", "order:Lachnospirales",
                    "family:Lachnospiraceae", "genus:Blautia_A", "species:Blautia_A sp000436615"])
    }

    @Test func oldSilvaLevelPrefixes() {
        let (lineage, style) = LineageParser.parseWithStyle("D_0__Bacteria;D_1__Proteobacteria;D_2__Gammaproteobacteria;D_3__Enterobacteriales;D_4__Enterobacteriaceae;D_5__Klebsiella;D_6__uncultured organism")
        #expect(style == .levelPrefixed)
        #expect(lineage.name(at: .genus) == "Klebsiella")
        #expect(lineage.name(at: .species) == "uncultured organism")
    }

    @Test func metaphlanPipesWithStrain() {
        #expect(pairs("k__Bacteria|p__Firmicutes|c__CFGB76704|o__OFGB76704|f__FGB76704|g__GGB54153|s__GGB54153_SGB41631|t__SGB41631").last
                == "strain:SGB41631")
    }

    @Test func brackenSingleUnderscore() {
        #expect(pairs("d_Bacteria|p_Proteobacteria|s_Escherichia coli") == ["domain:Bacteria", "phylum:Proteobacteria", "species:Escherichia coli"])
    }

    @Test func mothurConfidenceAndQuotes() {
        let (lineage, style) = LineageParser.parseWithStyle(#"Bacteria(100);"Bacteroidetes"(100);"Bacteroidia"(95);"Bacteroidales"(95);"Porphyromonadaceae"(88);"Porphyromonadaceae"_unclassified(88);"#)
        #expect(style == .mothur)
        #expect(lineage.entries.map(\.name) == ["Bacteria", "Bacteroidetes", "Bacteroidia", "Bacteroidales",
                                                "Porphyromonadaceae", "\"Porphyromonadaceae\"_unclassified"])
        #expect(lineage.entries.map(\.rank) == [.domain, .phylum, .class, .order, .family, .genus])
    }

    @Test func positionalNames() {
        #expect(pairs("Bacteria;Bacillota;Incertae Sedis;Thermolithobacterales")
                == ["domain:Bacteria", "phylum:Bacillota", "class:Incertae Sedis", "order:Thermolithobacterales"])
    }

    @Test func plainNamesTakeTheHint() {
        #expect(pairs("Escherichia coli", rank: .species) == ["species:Escherichia coli"])
        #expect(pairs("UNKNOWN") == ["unranked:UNKNOWN"])
        #expect(LineageParser.parse("  ").isEmpty)
    }

    @Test func nonStandardRanksAreUnranked() {
        #expect(pairs("d__Archaea;x__TACK group;p__Candidatus Marsarchaeota")
                == ["domain:Archaea", "unranked:TACK group", "phylum:Candidatus Marsarchaeota"])
    }

    @Test func rankLabelledColumns() {
        let lineage = LineageParser.fromColumns([("Kingdom", "Bacteria"), ("Phylum", "Firmicutes"), ("Genus", ""), ("Species", "")])
        #expect(lineage?.entries.map(\.rank) == [.kingdom, .phylum])
    }

    @Test func formatterWritesPrefixedTokens() {
        let lineage = LineageParser.parse("k__Bacteria; p__Firmicutes; f__")
        #expect(LineageFormatter.prefixed(lineage) == "k__Bacteria; p__Firmicutes; f__")
    }
}
