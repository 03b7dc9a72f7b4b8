import FormatKit
import MothurFormats
import ProfileModel
import Testing

@Suite struct MothurSharedFormatTests {
    let plugin = MothurSharedFormat()
    /// Two labels; the coarser one has fewer OTUs than the header names, as mothur writes it.
    let shared = """
        label\tGroup\tnumOtus\tOtu01\tOtu02\tOtu03
        0.01\tforest\t3\t4\t0\t1
        0.01\tpasture\t3\t0\t2\t2
        0.03\tforest\t2\t5\t0
        0.03\tpasture\t2\t2\t2

        """

    @Test func detectsTheHeaderAndNamesTheCompanionFileForWhatItIs() throws {
        let detection = plugin.detect(try AmpliconTestSupport.input(shared, name: "x.shared").prefix())
        #expect(detection.confidence == 0.95)
        let consTaxonomy = plugin.detect(try AmpliconTestSupport.input("OTU\tSize\tTaxonomy\nOtu01\t4\tBacteria(100);\n", name: "x.cons.taxonomy").prefix())
        guard case .unsure(let reason) = consTaxonomy else {
            Issue.record("expected unsure, got \(consTaxonomy)")
            return
        }
        #expect(reason.contains("companion"))
    }

    @Test func readsTheFirstLabelAndSaysSo() throws {
        let table = try plugin.read(try AmpliconTestSupport.input(shared, name: "x.shared"), options: ImportOptions())
        #expect(table.samples.map(\.id) == ["forest", "pasture"])
        #expect(table.taxa.map(\.id) == ["Otu01", "Otu02", "Otu03"])
        #expect(table.sampleTotals() == [5, 4])
        #expect(table.provenance.source[SourceKey(name: "mothur-label")] == "0.01")
        #expect(table.diagnostics.contains { $0.code == "table.subset-chosen" && $0.severity == .warning })
    }

    @Test func aNamedLabelTakesTheFirstNumOtusHeaderNames() throws {
        let table = try plugin.read(try AmpliconTestSupport.input(shared, name: "x.shared"),
                                    options: ImportOptions(parameters: ["label": "0.03"]))
        #expect(table.taxa.map(\.id) == ["Otu01", "Otu02"])
        #expect(table.value(sample: 0, taxon: 0) == 5)
        #expect(table.value(sample: 1, taxon: 1) == 2)
        #expect(!table.diagnostics.contains { $0.code == "table.subset-chosen" })
    }

    @Test func anUnknownLabelListsTheFilesLabels() throws {
        let error = AmpliconTestSupport.failure { () throws(ImportError) in
            try plugin.read(try! AmpliconTestSupport.input(shared, name: "x.shared"), options: ImportOptions(parameters: ["label": "0.5"]))
        }
        #expect(error?.code == "invalid-value")
        #expect(error?.message.contains("0.01, 0.03") == true)
    }

    @Test func aRowWhoseCountsDisagreeWithNumOtusIsAShapeError() throws {
        let text = "label\tGroup\tnumOtus\tOtu1\tOtu2\n0.03\tA\t2\t4\n"
        let error = AmpliconTestSupport.failure { () throws(ImportError) in
            try plugin.read(try! AmpliconTestSupport.input(text, name: "x.shared"), options: ImportOptions())
        }
        #expect(error?.code == "shape-mismatch")
        #expect(error?.location.line == 2)
    }

    @Test func theConsTaxonomyCompanionGivesLineagesConfidencesAndSizes() throws {
        let taxonomy = try AmpliconTestSupport.input(
            "OTU\tSize\tTaxonomy\nOtu01\t9\tBacteria(100);\"Bacteroidetes\"(98);Bacteroidia(91);\n2\t4\tBacteria(100);Firmicutes(77);\n",
            name: "x.cons.taxonomy")
        let input = try AmpliconTestSupport.input(shared, name: "x.shared").with(companions: ["taxonomy": taxonomy])
        let table = try plugin.read(input, options: ImportOptions())
        #expect(table.taxa[0].lineage == Lineage([(.domain, "Bacteria"), (.phylum, "Bacteroidetes"), (.class, "Bacteroidia")]))
        #expect(table.taxa[0].metadata["confidences"] == .string("100;98;91"))
        #expect(table.taxa[0].metadata["confidence"] == .number(91))
        #expect(table.taxa[0].metadata["size"] == .integer(9))
        // Older phylotype output names OTUs by number only: "2" is Otu02.
        #expect(table.taxa[1].lineage.name(at: .phylum) == "Firmicutes")
        #expect(table.diagnostics.contains { $0.code == "taxonomy.companion-unmatched" })
    }

    @Test func aConsTaxonomyFileIsRefusedWithAHint() throws {
        let error = AmpliconTestSupport.failure { () throws(ImportError) in
            try plugin.read(try! AmpliconTestSupport.input("OTU\tSize\tTaxonomy\nOtu01\t4\tBacteria(100);\n", name: "t.cons.taxonomy"),
                            options: ImportOptions())
        }
        #expect(error?.code == "unsupported")
        #expect(error?.message.contains("--companion taxonomy=") == true)
    }

    @Test(.enabled(if: AmpliconTestSupport.hasCorpus))
    func everyCorpusSharedFileImportsWithTheRightGroups() throws {
        let amazon = try plugin.read(ImportInput(url: AmpliconTestSupport.corpus.appendingPathComponent("mothur/amazon.an.shared")),
                                     options: ImportOptions(parameters: ["label": "0.03"]))
        #expect(amazon.samples.map(\.id) == ["forest", "pasture"])
        #expect(amazon.taxa.count == 88)
        let esophagus = try plugin.read(ImportInput(url: AmpliconTestSupport.corpus.appendingPathComponent("mothur/esophagus.fn.shared.gz")),
                                        options: ImportOptions())
        #expect(esophagus.samples.map(\.id) == ["B", "C", "D"])
        #expect(esophagus.taxa.count == 593)
        // The totals a shell sum over the "unique" rows gives.
        #expect(esophagus.sampleTotals() == [203, 255, 219])
    }
}
