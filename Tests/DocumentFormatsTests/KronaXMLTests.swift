import FormatKit
import Foundation
import ProfileModel
import Testing

@Suite struct KronaXMLTests {
    @Test func theRecentrifugeKronaChartImports() throws {
        let page = DocumentTestSupport.corpus.appendingPathComponent("krona_xml/recentrifuge_TEST.rcf.html")
        let table = try DocumentTestSupport.read(page, as: "krona-xml")
        #expect(table.samples.count == 62)
        #expect(table.samples.first?.id == "rcf_test/ctrl1")
        #expect(table.structure == .cladeCumulative)
        #expect(table.unit == .counts)
        let bacteria = try #require(table.taxa.firstIndex { $0.id == "Bacteria" })
        #expect(table.taxa[bacteria].taxonID == TaxonID(system: "ncbi", value: "2"))
        #expect(table.taxa[bacteria].lineage.entries == [LineageEntry(rank: .domain, name: "Bacteria")])
        #expect(table.value(sample: 0, taxon: bacteria) == 1403)
        // A sparse `s="T"` value: Bacillales has 18535 reads in dataset 7 (rcf_test/smplH).
        let bacillales = try #require(table.taxa.firstIndex { $0.label == "Bacillales" })
        #expect(table.value(sample: 7, taxon: bacillales) == 18535)
        #expect(table.value(sample: 3, taxon: bacillales) == 0)
    }

    @Test func anExportedChartReadsBackAsNodeSums() throws {
        let reference = try DocumentTestSupport.referenceTables().first { $0.name == "counts-leaves.profile.json" }!.table
        let file = try DocumentTestSupport.write(reference, as: "krona-xml", suffix: ".krona.xml")
        let back = try DocumentTestSupport.read(file, as: "krona-xml")
        #expect(back.samples.map(\.id) == reference.samples.map(\.id))
        #expect(back.structure == .cladeCumulative)
        let totals = reference.sampleTotals()
        for (sample, total) in totals.enumerated() {
            // The top nodes of the chart together hold the whole sample.
            let top = back.taxa.indices.filter { back.taxa[$0].lineage.named.count == 1 }
            #expect(top.reduce(0) { $0 + back.value(sample: sample, taxon: $1) } == total)
        }
    }

    @Test func valuesStayOnTheirNodesLineAsKronaToolsReadsThem() throws {
        let reference = try DocumentTestSupport.referenceTables().first { $0.name == "counts-leaves.profile.json" }!.table
        let text = try String(contentsOf: try DocumentTestSupport.write(reference, as: "krona-xml", suffix: ".krona.xml"), encoding: .utf8)
        // KronaTools' ktImportKrona reads `<magnitude><val>…</val>…</magnitude>` one line at a time.
        #expect(text.contains("\n          <magnitude><val>120</val><val>0</val><val>0</val></magnitude>\n"))
        #expect(text.contains("<node name=\"Bacteroides\">\n"))
    }

    @Test func aPageWithoutAChartIsASyntaxError() throws {
        let result = try DocumentTestSupport.read(text: "<html><body>no chart</body></html>", name: "page.html", as: "krona-xml")
        guard case .failure(.syntax) = result else {
            Issue.record("expected syntax, got \(result)")
            return
        }
    }
}
