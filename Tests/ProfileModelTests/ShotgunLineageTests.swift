import ProfileModel
import Testing

@Suite("mpa clade names, per-level tax ids and clade nesting")
struct ShotgunLineageTests {
    @Test func metaPhlAnCladeWithSGBLevel() throws {
        let lineage = try #require(LineageParser.parseMPAClade("k__Bacteria|p__Firmicutes|s__Faecalibacterium_prausnitzii|t__SGB15316"))
        #expect(lineage.entries.map(\.rank) == [.kingdom, .phylum, .species, .strain])
        #expect(lineage.entries.last?.name == "SGB15316")
    }

    @Test func kreport2mpaSingleUnderscoreAndIntermediateLevels() throws {
        let lineage = try #require(LineageParser.parseMPAClade("r_root|x_cellular organisms|d_Bacteria|s_Escherichia coli"))
        #expect(lineage.entries == [LineageEntry(rank: .unranked, name: "root"),
                                    LineageEntry(rank: .unranked, name: "cellular organisms"),
                                    LineageEntry(rank: .domain, name: "Bacteria"),
                                    LineageEntry(rank: .species, name: "Escherichia coli")])
    }

    @Test func notAnMPAClade() {
        #expect(LineageParser.parseMPAClade("Bacteria|Firmicutes") == nil)
        #expect(LineageParser.parseMPAClade("s__Homo_sapiens|k__Animalia") == nil)
        #expect(!LineageParser.looksLikeMPAClade("dataset_1"))
        #expect(LineageParser.looksLikeMPAClade("k__Bacteria|p__Firmicutes"))
    }

    @Test func levelTaxonIDsKeepEmptyLevels() {
        var taxon = Taxon(id: "x", label: "x")
        taxon.levelTaxonIDs = ["2", nil, "816"]
        #expect(taxon.metadata[Taxon.levelTaxonIDsKey] == .string("2||816"))
        #expect(taxon.levelTaxonIDs == ["2", nil, "816"])
        taxon.levelTaxonIDs = [nil, nil]
        #expect(taxon.levelTaxonIDs == nil)
    }

    @Test func childrenExceedingTheirClade() throws {
        var builder = ProfileTableBuilder(unit: .percent, structure: .cladeCumulative)
        try builder.addSample(Sample(id: "S"))
        let clades = ["k__Bacteria": 100.0, "k__Bacteria|p__Firmicutes": 10.0,
                      "k__Bacteria|p__Firmicutes|c__Clostridia|o__Eubacteriales": 30.0]
        for (name, value) in clades.sorted(by: { $0.key < $1.key }) {
            let taxon = try builder.addTaxon(Taxon(id: name, label: name, lineage: try #require(LineageParser.parseMPAClade(name))))
            try builder.setValue(value, sample: 0, taxon: taxon)
        }
        let table = try builder.build()
        #expect(table.cladesExceededByChildren().map { table.taxa[$0.taxon].id } == ["k__Bacteria|p__Firmicutes"])
        // The order row skips the class level, so it is not an immediate child of the phylum.
        #expect(table.cladesExceededByChildren(immediateOnly: true).isEmpty)
    }
}
