import FormatKit
import ProfileModel
import TabularFormats
import XCTest

/// Taxonomy-only tables annotate a count table as its `taxonomy` companion.
final class TaxonomyCompanionTests: XCTestCase {
    private let counts = "feature\tS1\tS2\nseq1\t10\t0\nseq2\t3\t4\nseq9\t1\t1\n"

    private func read(companion text: String, name: String) throws -> ProfileTable {
        let companion = try ImportInput.bytes(Array(text.utf8), name: name)
        let input = try ImportInput.bytes(Array(counts.utf8), name: "counts.tsv").with(companions: ["taxonomy": companion])
        return try WideTSVFormat().read(input, options: ImportOptions())
    }

    func testQIIME2TaxonomyWithConfidence() throws {
        let table = try read(companion: "Feature ID\tTaxon\tConfidence\nseq1\tk__Bacteria; p__Firmicutes\t0.98\nseq2\td__Bacteria;p__Bacteroidota\t0.7\n",
                             name: "taxonomy.tsv")
        XCTAssertEqual(table.taxa[0].lineage, Lineage([(.kingdom, "Bacteria"), (.phylum, "Firmicutes")]))
        XCTAssertEqual(table.taxa[1].lineage.name(at: .phylum), "Bacteroidota")
        XCTAssertEqual(table.taxa[0].metadata["confidence"], .number(0.98))
        XCTAssertEqual(table.taxa[0].label, "seq1")
        let unmatched = try XCTUnwrap(table.diagnostics.first { $0.code == "taxonomy.companion-unmatched" })
        XCTAssertTrue(unmatched.message.hasPrefix("1 of 3"), unmatched.message)
        XCTAssertEqual(table.provenance.source[.taxonomyCompanion], "taxonomy.tsv")
    }

    func testHeaderlessTaxonomy() throws {
        let table = try read(companion: "seq1\tk__Foo; p__Bar\tsome\nseq2\tk__Foo; p__Baz\tcolumn\n", name: "headerless.tsv")
        XCTAssertEqual(table.taxa[1].lineage, Lineage([(.kingdom, "Foo"), (.phylum, "Baz")]))
    }

    func testDADA2RankColumnsWithPrefixesAndNA() throws {
        let text = "ASV\tSuperkingdom\tKingdom\tPhylum\tClass\tGenus\tSpecies\nseq1\tsk__Bacteria\tk__\tp__Acidobacteriota\tc__Terriglobia\tNA\tNA\n"
        let table = try read(companion: text, name: "asv_tax.tsv")
        XCTAssertEqual(table.taxa[0].lineage, Lineage([(.domain, "Bacteria"), (.kingdom, ""), (.phylum, "Acidobacteriota"),
                                                       (.class, "Terriglobia")]))
    }

    func testSourmashLineageCSV() throws {
        let text = "ident,superkingdom,phylum,class,order,family,genus,species\nseq2,d__Bacteria,p__Bacteroidota,c__Bacteroidia,o__Bacteroidales,f__Bacteroidaceae,g__Prevotella,s__Prevotella copri\n"
        let table = try read(companion: text, name: "lineages.csv")
        XCTAssertEqual(table.taxa[1].lineage.name(at: .species), "Prevotella copri")
        XCTAssertEqual(table.taxa[1].lineage.name(at: .domain), "Bacteria")
    }

    func testCompanionWithoutLineageColumnsIsAnError() {
        do {
            _ = try read(companion: "id\tscore\nseq1\t3\n", name: "notaxonomy.tsv")
            XCTFail("expected an error")
        } catch let error as ImportError {
            XCTAssertEqual(error.code, "missing-field")
            XCTAssertEqual(error.location.file, "notaxonomy.tsv")
            XCTAssertEqual(error.location.line, 1)
        } catch {
            XCTFail("\(error)")
        }
    }

    func testTabularFormatsDeclareTheCompanion() {
        XCTAssertEqual(WideTSVFormat().format.companions.map(\.role), ["taxonomy"])
        XCTAssertEqual(BIOMTSVFormat().format.companions.map(\.role), ["taxonomy"])
    }
}
