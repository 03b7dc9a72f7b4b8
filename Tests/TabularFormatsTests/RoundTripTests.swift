import FormatKit
import ProfileModel
import TabularFormats
import XCTest

/// Wide → long → wide gives back the same file; the writers stream from the sparse matrix.
final class RoundTripTests: XCTestCase {
    private let wide = """
    taxon\tS1\tS2\tS3\tlabel\ttaxon_id\ttaxonomy
    OTU_9\t0\t0\t5\tBacteroides\tncbi:816\tk__Bacteria; p__Bacteroidetes; g__Bacteroides
    OTU_2\t12\t0\t1\tPrevotella\tncbi:838\tk__Bacteria; p__Bacteroidetes; g__Prevotella
    OTU_7\t0\t0\t0\tOTU_7\t\troot; d__Bacteria
    OTU_1\t3\t0\t0\tOTU_1\t\t

    """

    func testWideToLongToWideIsExact() throws {
        let table = try TableTestSupport.read(wide, name: "w.tsv", with: WideTSVFormat())
        XCTAssertEqual(table.samples.map(\.id), ["S1", "S2", "S3"])
        let long = try TableTestSupport.write(table, with: LongTSVFormat())
        let back = try TableTestSupport.read(long, name: "l.tsv", with: LongTSVFormat())
        XCTAssertEqual(TableTestSupport.Content(back), TableTestSupport.Content(table))
        let all = ExportOptions(parameters: ["annotations": "all"])
        XCTAssertEqual(try TableTestSupport.write(back, with: WideTSVFormat(), options: all),
                       wide.replacingOccurrences(of: "taxon\tS1", with: "#OTU ID\tS1"))
    }

    /// By default a wide TSV is the classic OTU table: `#OTU ID`, the samples, then `taxonomy` only.
    func testDefaultWideTSVIsTheClassicOTUTable() throws {
        let table = try TableTestSupport.read(wide, name: "w.tsv", with: WideTSVFormat())
        let written = try TableTestSupport.write(table, with: WideTSVFormat())
        XCTAssertEqual(written, """
            #OTU ID\tS1\tS2\tS3\ttaxonomy
            OTU_9\t0\t0\t5\tk__Bacteria; p__Bacteroidetes; g__Bacteroides
            OTU_2\t12\t0\t1\tk__Bacteria; p__Bacteroidetes; g__Prevotella
            OTU_7\t0\t0\t0\troot; d__Bacteria
            OTU_1\t3\t0\t0\t

            """)
        let losses = Set(try WideTSVFormat().losses(for: table, options: ExportOptions()).map(\.field))
        XCTAssertTrue(losses.isSuperset(of: [.taxonLabels, .taxonIdentifiers]), "\(losses)")
        XCTAssertFalse(losses.contains(.taxonLineages))
        let bare = try TableTestSupport.write(table, with: WideTSVFormat(), options: ExportOptions(parameters: ["annotations": "none"]))
        XCTAssertEqual(bare.split(separator: "\n").first, "#OTU ID\tS1\tS2\tS3")
        // Our own import reads the classic layout back: same matrix and lineages.
        let back = try TableTestSupport.read(written, name: "w.tsv", with: WideTSVFormat())
        XCTAssertEqual(back.abundances, table.abundances)
        XCTAssertEqual(back.taxa.map(\.lineage), table.taxa.map(\.lineage))
    }

    func testLongCSVRoundTripKeepsSampleMetadata() throws {
        let text = "sample,taxon,value,lab,day\nS1,A,3,Lab One,4\nS1,B,1,Lab One,4\nS2,B,7,\"Lab, Two\",9\n"
        let table = try TableTestSupport.read(text, name: "l.csv", with: LongCSVFormat())
        XCTAssertEqual(table.samples[1].metadata, ["lab": .string("Lab, Two"), "day": .integer(9)])
        let written = try TableTestSupport.write(table, with: LongCSVFormat())
        XCTAssertEqual(written, "sample,taxon,value,day,lab\nS1,A,3,4,Lab One\nS1,B,1,4,Lab One\nS2,B,7,9,\"Lab, Two\"\n")
    }

    func testSamplesAsRowsExportAndBack() throws {
        let table = try TableTestSupport.read(wide, name: "w.tsv", with: WideTSVFormat())
        let options = ExportOptions(parameters: ["orientation": "samples-as-rows"])
        let text = try TableTestSupport.write(table, with: WideCSVFormat(), options: options)
        XCTAssertEqual(text.split(separator: "\n").first, "sample,OTU_9,OTU_2,OTU_7,OTU_1")
        let back = try TableTestSupport.read(text, name: "t.csv", with: WideCSVFormat())
        XCTAssertEqual(back.abundances, table.abundances)
        XCTAssertEqual(back.taxa.map(\.id), table.taxa.map(\.id))
    }

    /// The taxonomy, taxon id and label columns exist only with taxa as rows, and the losses say so.
    func testSamplesAsRowsDeclaresTheAnnotationColumnsLost() throws {
        let table = try TableTestSupport.read(wide, name: "w.tsv", with: WideTSVFormat())
        let annotations: Set<ProfileField> = [.taxonLineages, .taxonIdentifiers, .taxonLabels]
        for exporter in [WideTSVFormat(), WideCSVFormat()] as [any ProfileExporter] {
            let all = ExportOptions(parameters: ["annotations": "all"])
            let byTaxon = Set(try exporter.losses(for: table, options: all).map(\.field))
            let bySample = Set(try exporter.losses(for: table, options: ExportOptions(parameters: ["orientation": "samples-as-rows"])).map(\.field))
            XCTAssertTrue(byTaxon.isDisjoint(with: annotations), "\(exporter.format.id): \(byTaxon)")
            XCTAssertEqual(bySample.intersection(annotations), annotations, exporter.format.id)
            let refused = ExportOptions(parameters: ["orientation": "diagonal"])
            XCTAssertThrowsError(try exporter.losses(for: table, options: refused), "an orientation the plugin does not declare is refused")
        }
    }

    func testBIOMTSVExportMatchesTheClassicLayout() throws {
        let table = try TableTestSupport.read(wide, name: "w.tsv", with: WideTSVFormat())
        let text = try TableTestSupport.write(table, with: BIOMTSVFormat())
        XCTAssertTrue(text.hasPrefix("# Constructed from biom file\n#OTU ID\tS1\tS2\tS3\ttaxonomy\nOTU_9\t0\t0\t5\tk__Bacteria; p__Bacteroidetes; g__Bacteroides\n"), text)
        let losses = try BIOMTSVFormat().losses(for: table, options: ExportOptions()).map(\.field)
        XCTAssertTrue(losses.contains(.taxonIdentifiers))
        XCTAssertTrue(losses.contains(.taxonLabels))
    }

    func testExportIsByteIdenticalOnRepeat() throws {
        let table = try TableTestSupport.read(wide, name: "w.tsv", with: WideTSVFormat())
        for exporter in [WideTSVFormat(), WideCSVFormat(), LongTSVFormat(), LongCSVFormat(), BIOMTSVFormat()] as [any ProfileExporter] {
            XCTAssertEqual(try TableTestSupport.write(table, with: exporter), try TableTestSupport.write(table, with: exporter))
        }
    }
}
