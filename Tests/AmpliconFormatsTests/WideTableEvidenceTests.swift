import BuiltInFormats
import FormatKit
import ProfileModel
import TabularKit
import Testing

/// The generic wide-table importers leave alone what they cannot explain, and warn on values
/// that cannot be right.
@Suite struct WideTableEvidenceTests {
    let registry = try! BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))

    func candidates(_ text: String, name: String = "x.tsv") throws -> [String] {
        registry.detect(try AmpliconTestSupport.input(text, name: name).prefix()).map(\.formatID)
    }

    @Test(arguments: [
        // A headerless MEGAN rma2info output: tax id and count.
        "2\t994.0\n6\t3.0\n10\t19.0\n",
        // A Bracken .mpa file: a lineage and a count, no header.
        "d_Bacteria\t25808392\nd_Bacteria|p_Proteobacteria\t10903399\n",
        // A MetaPhlAn profile whose value column names a measure.
        "#clade_name\tNCBI_tax_id\trelative_abundance\tadditional_species\nUNKNOWN\t-1\t100.0\t\n",
        // A QIIME 2 taxonomy table.
        "Feature ID\tTaxon\tConfidence\nf1\tk__Bacteria; p__Firmicutes\t0.98\n",
        // A distance matrix.
        "\tS1\tS2\nS1\t0\t0.4\nS2\t0.4\t0\n",
        // QIIME 1 alpha_diversity.py output (the corpus's faith-pd.txt was read as one sample).
        "\tPD_whole_tree\nf2\t0.64607\nf1\t0.47803\n",
        "sample\tshannon\tchao1\tobserved_otus\nS1\t3.2\t140\t120\n",
    ])
    func wideTablesDoNotClaimWhatTheyCannotExplain(text: String) throws {
        #expect(!(try candidates(text)).contains("wide-tsv"))
    }

    @Test func anOrdinaryTableIsStillClaimed() throws {
        #expect(try candidates("taxon\tS1\tS2\nOTU_1\t120\t0\nOTU_2\t3\t7\n").first == "wide-tsv")
    }

    @Test func theEvidenceSaysWhy() throws {
        let prefix = try AmpliconTestSupport.input("2\t994.0\n6\t3.0\n", name: "m.txt").prefix()
        let table = try #require(PrefixTable.of(prefix))
        #expect(table.headerLooksLikeData()?.contains("'2'") == true)
        let nested = try #require(PrefixTable.of(try AmpliconTestSupport.input("clade\tS1\nk__A\t9\nk__A|p__B\t4\n", name: "n.tsv").prefix()))
        #expect(nested.nestedRowLabels()?.outer == "k__A")
        let alpha = try #require(PrefixTable.of(try AmpliconTestSupport.input("\tPD_whole_tree\nf2\t0.64607\n", name: "a.txt").prefix()))
        #expect(alpha.metricColumns(named: ["pd_whole_tree"], what: "metrics")?.contains("'PD_whole_tree'") == true)
        #expect(alpha.metricColumns(named: ["shannon"], what: "metrics") == nil)
    }

    @Test func percentagesFarOverAHundredAreAWarningThatStrictRefuses() throws {
        let text = "taxon\tS1\tS2\nA\t80\t50\nB\t70\t50\n"
        let input = try AmpliconTestSupport.input(text, name: "p.tsv")
        let imported = try registry.importTable(input, formatID: "wide-tsv", options: ImportOptions(unit: .percent))
        let warning = try #require(imported.table.diagnostics.first { $0.code == "abundance.sum-over-whole" })
        #expect(warning.sample == "S1")
        #expect(throws: ImportError.self) {
            try registry.importTable(input, formatID: "wide-tsv", options: ImportOptions(unit: .percent), policy: WarningPolicy(strict: true))
        }
    }

    @Test func relativeAbundancesOverOneAreAWarning() throws {
        let input = try AmpliconTestSupport.input("taxon\tS1\nA\t0.8\nB\t0.7\n", name: "r.tsv")
        let table = try registry.importTable(input, formatID: "wide-tsv", options: ImportOptions(unit: .relative)).table
        #expect(table.diagnostics.contains { $0.code == "abundance.sum-over-whole" })
    }

    @Test func percentLikeCountsAreAWarning() throws {
        // Fractional, every value at most 100, yet the sample sums to 195: overlapping percentages.
        let input = try AmpliconTestSupport.input("taxon\tS1\nBacteroides\t95.5\nBacteroides caccae\t60.25\nBlautia\t39.5\n", name: "c.tsv")
        let table = try registry.importTable(input, formatID: nil, options: ImportOptions()).table
        #expect(table.unit == .counts)
        #expect(table.diagnostics.contains { $0.code == "abundance.percent-like-counts" })
    }

    @Test func aCompanionTheImporterDoesNotTakeIsAnError() throws {
        let input = try AmpliconTestSupport.input("taxon\tS1\nA\t1\n", name: "t.tsv")
            .with(companions: ["metadata": try AmpliconTestSupport.input("x\n", name: "m.tsv")])
        #expect(throws: ImportError.self) { try registry.importTable(input, formatID: nil, options: ImportOptions()) }
    }

    @Test func aBIOMTableTakesTheTaxonomyCompanion() throws {
        let biom = ImportInput(url: AmpliconTestSupport.packageRoot.appendingPathComponent("Conformance/biom-hdf5/valid-min-sparse-otu-table.biom"))
        let taxonomy = try AmpliconTestSupport.input("Feature ID\tTaxon\tConfidence\nGG_OTU_1\tk__Bacteria; p__Firmicutes\t0.9\n", name: "taxonomy.tsv")
        let table = try registry.importTable(biom.with(companions: ["taxonomy": taxonomy]), formatID: nil, options: ImportOptions()).table
        let first = try #require(table.taxa.first { $0.id == "GG_OTU_1" })
        #expect(first.lineage.name(at: .phylum) == "Firmicutes")
        #expect(table.provenance.source[SourceKey(name: "taxonomy-companion")] == "taxonomy.tsv")
        #expect(table.diagnostics.contains { $0.code == "taxonomy.companion-unmatched" })
    }
}
