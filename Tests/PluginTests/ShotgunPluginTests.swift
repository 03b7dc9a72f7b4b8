import FormatKit
import Foundation
import KrakenFormats
import MetaPhlAnFormats
import ProfileModel
import ShotgunFormats
import Testing

/// Small, hand-made reports for the rules the corpus files do not isolate.
@Suite("Shotgun plugins")
struct ShotgunPluginTests {
    static let kraken2 = """
         10.00\t10\t10\tU\t0\tunclassified
         90.00\t90\t0\tR\t1\troot
         90.00\t90\t0\tR1\t131567\t  cellular organisms
         90.00\t90\t30\tD\t2\t    Bacteria
         60.00\t60\t60\tS\t45409\t      Lachnospiraceae bacterium

        """

    private func input(_ text: String, name: String = "sample.kreport") throws -> ImportInput {
        try ImportInput.bytes(Array(text.utf8), name: name)
    }

    private func prefix(_ text: String, name: String = "sample.txt") -> InputPrefix {
        InputPrefix(fileName: name, bytes: Array(text.utf8), text: text, isComplete: true)
    }

    private func write(_ table: ProfileTable, with exporter: some ProfileExporter) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shotgun-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        var sink = try OutputSink(fileURL: url)
        try exporter.write(table, to: &sink, options: ExportOptions())
        try sink.flush()
        return try String(contentsOf: url, encoding: .utf8)
    }

    // MARK: - Taxonomy system

    @Test func taxIDsAreNCBIsUnlessTheOptionSaysOtherwise() throws {
        let plugin = Kraken2ReportFormat()
        let ncbi = try plugin.read(try input(Self.kraken2), options: ImportOptions())
        #expect(ncbi.taxa.first { $0.id == "45409" }?.taxonID == TaxonID(system: "ncbi", value: "45409"))
        #expect(ncbi.provenance.source[.taxonomySystem] == "ncbi")

        let silva = try plugin.read(try input(Self.kraken2), options: ImportOptions(parameters: ["taxonomy-system": "silva"]))
        #expect(silva.taxa.first { $0.id == "45409" }?.taxonID == TaxonID(system: "silva", value: "45409"))
        #expect(silva.provenance.source[.taxonomySystem] == "silva")
    }

    @Test func anUnknownTaxonomySystemIsRefused() throws {
        #expect(throws: ImportError.self) {
            _ = try Kraken2ReportFormat().read(try input(Self.kraken2), options: ImportOptions(parameters: ["taxonomy-system": "greengenes"]))
        }
    }

    // MARK: - Kraken reports

    @Test func indentationGivesTheLineageAndPerLevelIDs() throws {
        let table = try Kraken2ReportFormat().read(try input(Self.kraken2), options: ImportOptions(sampleID: "S"))
        let species = try #require(table.taxa.first { $0.id == "45409" })
        #expect(species.lineage.entries.map(\.name) == ["root", "cellular organisms", "Bacteria", "Lachnospiraceae bacterium"])
        #expect(species.lineage.entries.map(\.rank) == [.unranked, .unranked, .domain, .species])
        #expect(species.levelTaxonIDs == ["1", "131567", "2", "45409"])
        #expect(table.sampleTotals() == [100])
        let leaves = table.toLeaves()
        #expect(leaves.sampleTotals() == [100])
        #expect(leaves.taxa.map(\.id).sorted() == ["2|unclassified", "45409", "unclassified"])
    }

    @Test func detectorsTellTheKrakenFamilyApart() {
        let bracken = "  5.00\t50\t50\tU\t0\tunclassified\n95.00\t950\t0\tR\t1\troot\n95.00\t950\t950\tS\t562\t  Escherichia coli\n"
        let centrifuge = "  0.00\t0\t0\tU\t0\tunclassified\n100.00\t99\t0\t-\t1\troot\n 98.99\t98\t98\tD\t10239\t  Viruses\n"
        let uniq = "# KrakenUniq v1.0.2\n%\treads\ttaxReads\tkmers\tdup\tcov\ttaxID\trank\ttaxName\n100\t9\t9\t10\t1\t0.1\t1\tno rank\troot\n"
        let plugins: [any ProfileImporter] = [Kraken2ReportFormat(), BrackenReportFormat(), CentrifugeKreportFormat(), KrakenUniqReportFormat()]
        func winner(_ text: String) -> String? {
            plugins.max { $0.detect(prefix(text)).confidence < $1.detect(prefix(text)).confidence }?.format.id
        }
        #expect(winner(Self.kraken2) == "kraken2-report")
        #expect(winner(bracken) == "bracken-report")
        #expect(winner(centrifuge) == "centrifuge-kreport")
        #expect(winner(uniq) == "krakenuniq-report")
    }

    // MARK: - MetaPhlAn

    @Test func metaPhlAnThreeAndFourAreToldApartByContent() {
        let three = "#SampleID\tMetaphlan_Analysis\n#clade_name\tNCBI_tax_id\trelative_abundance\tadditional_species\nk__Bacteria\t2\t90.0\t\nUNKNOWN\t-1\t10.0\t\n"
        let four = "#SampleID\tMetaphlan_Analysis\n#clade_name\tNCBI_tax_id\trelative_abundance\tadditional_species\nUNCLASSIFIED\t-1\t10.0\t\nk__Bacteria\t2\t90.0\t\n"
        guard case .match(_, let reason3, _) = MetaPhlAnProfileFormat().detect(prefix(three)),
              case .match(_, let reason4, _) = MetaPhlAnProfileFormat().detect(prefix(four)) else {
            Issue.record("both are MetaPhlAn profiles")
            return
        }
        #expect(reason3.hasPrefix("MetaPhlAn 3 profile"))
        #expect(reason4.hasPrefix("MetaPhlAn 4 profile") && reason4.contains("UNCLASSIFIED"))
    }

    @Test func aKrakenReportExportsAsAMetaPhlAnProfile() throws {
        let table = try Kraken2ReportFormat().read(try input(Self.kraken2), options: ImportOptions(sampleID: "S"))
        let text = try write(table, with: MetaPhlAnProfileFormat())
        #expect(text == """
            #mhub
            #SampleID\tS
            #clade_name\tNCBI_tax_id\trelative_abundance\tadditional_species
            d__Bacteria\t2\t90\t
            d__Bacteria|s__Lachnospiraceae bacterium\t2|45409\t60\t
            UNCLASSIFIED\t-1\t10\t

            """)
        let again = try MetaPhlAnProfileFormat().read(try input(text, name: "again.txt"), options: ImportOptions())
        #expect(again.samples.map(\.id) == ["S"])
        #expect(again.sampleTotals() == [100])
    }

    // MARK: - CAMI

    @Test func camiExportKeepsEverySampleAndReadsBack() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Conformance/cami-profile/valid-two-samples.profile")
        let table = try CAMIProfileFormat().read(ImportInput(url: url), options: ImportOptions())
        let text = try write(table, with: CAMIProfileFormat())
        #expect(text.components(separatedBy: "@SampleID:").count == 3)
        #expect(text.contains("816\tgenus\t2|976||||816\tBacteria|Bacteroidota||||Bacteroides\t60\n"))
        let again = try CAMIProfileFormat().read(try input(text, name: "again.profile"), options: ImportOptions())
        #expect(again.samples.map(\.id) == ["S1", "S2"])
        #expect(again.sampleTotals() == table.sampleTotals())
        #expect(again.taxa.map(\.lineage) == table.taxa.map(\.lineage))
    }

    // MARK: - Krona text and MAPseq

    @Test func kronaTextLinesAreLeavesAndRepeatedLineagesAdd() throws {
        let text = "5\tsk__Bacteria\n3\tsk__Bacteria\tk__\tp__Firmicutes\n2\tsk__Bacteria\tk__\tp__Firmicutes\t\n"
        #expect(KronaTextFormat().detect(prefix(text)).confidence >= 0.8)
        let table = try KronaTextFormat().read(try input(text, name: "run1.txt"), options: ImportOptions())
        #expect(table.samples.map(\.id) == ["run1"])
        #expect(table.structure == .leaves && table.unit == .counts)
        #expect(table.taxa.map(\.id) == ["sk__Bacteria", "sk__Bacteria;k__;p__Firmicutes"])
        #expect(table.value(sample: 0, taxon: 1) == 5)
        #expect(table.taxa[1].lineage.entries.last == LineageEntry(rank: .phylum, name: "Firmicutes"))
        // Plain names are read by position when the format is named, but not claimed by detection.
        let plain = "7\tBacteria\tFirmicutes\n"
        #expect(KronaTextFormat().detect(prefix(plain)) == .noMatch)
        #expect(try KronaTextFormat().read(try input(plain), options: ImportOptions()).sampleTotals() == [7])
    }

    @Test func mapseqCountsReadsPerLineageAndReadsWithoutOneAsUnclassified() throws {
        let header = "#query\tdbhit\tbitscore\tidentity\tmatches\tmismatches\tgaps\tquery_start\tquery_end\tdbhit_start\tdbhit_end\tstrand\t\tSILVA\n"
        let row = { (read: String, lineage: String) in "\(read)\tX1\t360\t1\t360\t0\t0\t0\t360\t0\t360\t+\t\t\(lineage)\n" }
        let text = header + row("r1", "sk__Bacteria;k__;p__Firmicutes") + row("r2", "sk__Bacteria;k__;p__Firmicutes") + row("r3", "")
        #expect(MAPseqFormat().detect(prefix(text)).confidence >= 0.8)
        let table = try MAPseqFormat().read(try input(text, name: "run2.mseq"), options: ImportOptions())
        #expect(table.taxa.map(\.id) == ["sk__Bacteria;k__;p__Firmicutes", Taxon.unclassifiedID])
        #expect(table.value(sample: 0, taxon: 0) == 2 && table.value(sample: 0, taxon: 1) == 1)
        #expect(throws: ImportError.self) { try MAPseqFormat().read(try input(row("r1", "x")), options: ImportOptions()) }
    }
}
