import ConformanceKit
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct ReportTests {
    let report = ConformanceReport(plugins: [
        PluginReport(formatID: "tiny-table", kind: .compiled, casesDirectory: "/cases", items: [
            CheckItem(ItemKey(check: .detect, subject: "valid-basic"), .passed, "tiny-table at 0.9"),
            CheckItem(ItemKey(check: .import, subject: "valid-basic"), .failed, "1 difference from golden <x> & \"y\":\n  - abundances"),
            CheckItem(ItemKey(check: .roundTrip, subject: "plugin"), .skipped, "import-only plugin"),
        ]),
    ])

    @Test func theTableShowsEachCheckAndListsFailuresByCaseAndCheck() {
        let text = ReportTable.render(report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "format      kind      detect  import  reject  round-trip  deterministic  mutations  coverage")
        #expect(lines[2] == "tiny-table  compiled  pass    FAIL    -       skip        -              -          -")
        #expect(text.contains("✗ tiny-table · import · valid-basic\n    1 difference from golden <x> & \"y\":\n      - abundances"))
        #expect(lines.last(where: { !$0.isEmpty }) == "1 plugin: 0 passed, 1 failed (1 of 3 items failed, 1 skipped)")
    }

    @Test func jsonRoundTrips() throws {
        let decoded = try JSONDecoder().decode(ConformanceReport.self, from: report.jsonData())
        #expect(decoded == report)
        let text = String(decoding: report.jsonData(), as: UTF8.self)
        #expect(text.contains("\"check\" : \"round-trip\""))
    }

    @Test func junitIsWellFormedXMLWithOneTestCasePerItem() throws {
        let xml = JUnitReport.render(report)
        let document = try XMLDocument(data: Data(xml.utf8))
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "3")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        let failure = try #require(try document.nodes(forXPath: "//testcase[@classname='tiny-table.import']/failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue == "1 difference from golden <x> & \"y\":")
        #expect(failure.stringValue?.contains("\n  - abundances") == true)
        #expect(try document.nodes(forXPath: "//testcase/skipped").count == 1)
    }
}
