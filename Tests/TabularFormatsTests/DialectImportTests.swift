import FormatKit
import ProfileModel
import TabularFormats
import XCTest

/// The same table written in the dialects spreadsheets produce imports to the same profile.
final class DialectImportTests: XCTestCase {
    private let tsv = """
    taxon\tS1\tS2\ttaxonomy
    OTU_1\t0.25\t0.5\tk__Bacteria; p__Firmicutes
    OTU_2\t0.75\t0\tk__Bacteria; p__Bacteroidetes
    OTU_3\t0\t0.5\tk__Archaea

    """

    func testCommaSemicolonUTF16AndCRLFGiveTheSameProfile() throws {
        let commaCSV = """
        "taxon","S1","S2","taxonomy"
        OTU_1,0.25,0.5,"k__Bacteria; p__Firmicutes"
        OTU_2,0.75,0,"k__Bacteria; p__Bacteroidetes"
        OTU_3,0,0.5,k__Archaea

        """
        let semicolonCSV = """
        taxon;S1;S2;taxonomy
        OTU_1;0,25;0,5;"k__Bacteria; p__Firmicutes"
        OTU_2;0,75;0;"k__Bacteria; p__Bacteroidetes"
        OTU_3;0;0,5;k__Archaea

        """
        let reference = TableTestSupport.Content(try TableTestSupport.read(tsv, name: "t.tsv", with: WideTSVFormat()))
        let variants: [(String, [UInt8], any ProfileImporter)] = [
            ("comma.csv", Array(commaCSV.utf8), WideCSVFormat()),
            ("semicolon.csv", Array(semicolonCSV.utf8), WideCSVFormat()),
            ("utf16.tsv", TableTestSupport.utf16LE(tsv), WideTSVFormat()),
            ("crlf.tsv", Array(tsv.replacingOccurrences(of: "\n", with: "\r\n").utf8), WideTSVFormat()),
        ]
        for (name, bytes, importer) in variants {
            let table = try TableTestSupport.read(bytes, name: name, with: importer)
            XCTAssertEqual(TableTestSupport.Content(table), reference, name)
        }
        XCTAssertEqual(reference.unit, .relative)
        XCTAssertEqual(reference.taxa[1].lineage, Lineage([(.kingdom, "Bacteria"), (.phylum, "Bacteroidetes")]))
    }

    func testDetectionPicksTheDelimiterFamily() throws {
        let registry = try FormatRegistry([WideTSVFormat(), WideCSVFormat(), LongTSVFormat(), LongCSVFormat(), BIOMTSVFormat()])
        let semicolon = try ImportInput.bytes(Array("taxon;S1;S2\nA;1,5;2\nB;0;3,25\n".utf8), name: "x.csv")
        XCTAssertEqual(try registry.resolveImporter(for: semicolon, id: nil).format.id, "wide-csv")
        let long = try ImportInput.bytes(Array("sample\ttaxon\tvalue\nS1\tA\t3\n".utf8), name: "x.tsv")
        XCTAssertEqual(try registry.resolveImporter(for: long, id: nil).format.id, "long-tsv")
        let biom = try ImportInput.bytes(Array("# Constructed from biom file\n#OTU ID\tS1\nA\t1.0\n".utf8), name: "x.txt")
        XCTAssertEqual(try registry.resolveImporter(for: biom, id: nil).format.id, "biom-tsv")
    }

    func testTitleLinesPercentSignsAndThousandsSeparators() throws {
        let text = """
        Gut microbiome report
        Exported 2024-03-01

        Taxon,Sample A,Sample B
        Bacteroides,"1,200",40%
        Prevotella,800,60%

        """
        let counts = try TableTestSupport.read(text.replacingOccurrences(of: ",40%", with: ",40")
            .replacingOccurrences(of: ",60%", with: ",60"), name: "r.csv", with: WideCSVFormat())
        XCTAssertEqual(counts.unit, .counts)
        XCTAssertEqual(counts.value(sample: 0, taxon: 0), 1200)
        let percent = try TableTestSupport.read(text, name: "r.csv", with: WideCSVFormat())
        XCTAssertEqual(percent.unit, .percent)
        XCTAssertEqual(percent.samples.map(\.id), ["Sample A", "Sample B"])
        XCTAssertTrue(percent.diagnostics.contains { $0.code == "unit.inferred" && $0.message.contains("%") })
    }

    func testPipeDelimitedTableWithSpacedNumbers() throws {
        let table = try TableTestSupport.read("taxon|S1|S2\nBacteroides|1 250|0\nBlautia|3|7\n", name: "p.txt", with: WideCSVFormat())
        XCTAssertEqual(table.samples.map(\.id), ["S1", "S2"])
        XCTAssertEqual(table.value(sample: 0, taxon: 0), 1250)
        XCTAssertTrue(table.provenance.source[.dialect]?.contains("pipe") == true)
    }

    func testQuotedFieldsMaySpanLines() throws {
        let wide = try TableTestSupport.read("taxon,S1\n\"Bacteroides\nfragilis\",4\nBlautia,2\n", name: "m.csv", with: WideCSVFormat())
        XCTAssertEqual(wide.taxa.map(\.id), ["Bacteroides\nfragilis", "Blautia"])
        XCTAssertEqual(wide.value(sample: 0, taxon: 1), 2)
        let long = try TableTestSupport.read("sample,taxon,value,note\nS1,A,4,\"said \"\"hi\"\"\nthen left\"\n",
                                             name: "l.csv", with: LongCSVFormat())
        XCTAssertEqual(long.samples[0].metadata["note"], .string("said \"hi\"\nthen left"))
    }

    func testUnitOptionOverridesInference() throws {
        let table = try TableTestSupport.read(tsv, name: "t.tsv", with: WideTSVFormat(), options: ImportOptions(unit: .percent))
        XCTAssertEqual(table.unit, .percent)
        XCTAssertFalse(table.diagnostics.contains { $0.code == "unit.inferred" })
    }

    func testWindows1252FallsBackWithADiagnostic() throws {
        var bytes = Array("taxon\tS1\n".utf8)
        bytes += Array("Fr".utf8) + [0xE4] + Array("nkel\t3\n".utf8)  // "Fränkel" in Windows-1252
        let table = try TableTestSupport.read(bytes, name: "w.tsv", with: WideTSVFormat())
        XCTAssertEqual(table.taxa.first?.id, "Fränkel")
        let diagnostic = try XCTUnwrap(table.diagnostics.first { $0.code == "encoding.windows-1252" })
        XCTAssertEqual(diagnostic.location, "w.tsv:2")
    }

    func testPythonListTaxonomyCellsAreLineages() throws {
        let text = "#OTU ID\tS1\ttaxonomy\nO1\t2.0\t['k__Bacteria', \"p__Firm'icutes\"]\n"
        let table = try TableTestSupport.read(text, name: "b.tsv", with: BIOMTSVFormat())
        XCTAssertEqual(table.taxa[0].lineage, Lineage([(.kingdom, "Bacteria"), (.phylum, "Firm'icutes")]))
    }

    func testSamplesAsRowsOrientationFromTheHeader() throws {
        let text = "sample,k__Bacteria;p__Firmicutes,k__Bacteria;p__Bacteroidota\nS1,10,0\nS2,3,4\n"
        let table = try TableTestSupport.read(text, name: "t.csv", with: WideCSVFormat())
        XCTAssertEqual(table.samples.map(\.id), ["S1", "S2"])
        XCTAssertEqual(table.taxa.count, 2)
        XCTAssertEqual(table.taxa[0].lineage.deepestRank, .phylum)
        XCTAssertEqual(table.value(sample: 1, taxon: 1), 4)
    }

    func testNestedLineagesAreReadAsCladeCumulative() throws {
        let text = "clade\tS1\nk__Bacteria\t100\nk__Bacteria|p__Firmicutes\t60\n"
        let cumulative = try TableTestSupport.read(text, name: "m.tsv", with: WideTSVFormat())
        XCTAssertEqual(cumulative.structure, .cladeCumulative)
        XCTAssertEqual(cumulative.sampleTotals(), [100])
        XCTAssertTrue(cumulative.diagnostics.contains { $0.code == "structure.nested-lineages" && $0.severity == .info })
        let leaves = try TableTestSupport.read(text, name: "m.tsv", with: WideTSVFormat(),
                                               options: ImportOptions(parameters: ["structure": "leaves"]))
        XCTAssertEqual(leaves.structure, .leaves)
        XCTAssertEqual(leaves.sampleTotals(), [160])
    }
}
