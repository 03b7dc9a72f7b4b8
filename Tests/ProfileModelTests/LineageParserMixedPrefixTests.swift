import ProfileModel
import XCTest

/// Lineages that mix rank-prefixed tokens with bare ones.
final class LineageParserMixedPrefixTests: XCTestCase {
    func testQIIME1TaxaSummaryRootAndOtherBecomeUnranked() {
        let (lineage, style) = LineageParser.parseWithStyle("Root;k__Bacteria;p__Firmicutes;Other;Other")
        XCTAssertEqual(style, .prefixed)
        XCTAssertEqual(lineage.entries, [
            LineageEntry(rank: .unranked, name: "Root"),
            LineageEntry(rank: .kingdom, name: "Bacteria"),
            LineageEntry(rank: .phylum, name: "Firmicutes"),
            LineageEntry(rank: .unranked, name: "Other"),
            LineageEntry(rank: .unranked, name: "Other"),
        ])
    }

    func testFormatterOutputWithUnrankedLevelsReadsBack() throws {
        let original = try XCTUnwrap(Lineage([(.unranked, "root"), (.domain, "Bacteria"), (.unranked, "cellular organisms"),
                                              (.phylum, "Bacillota")]))
        let text = LineageFormatter.prefixed(original)
        XCTAssertEqual(text, "root; d__Bacteria; cellular organisms; p__Bacillota")
        XCTAssertEqual(LineageParser.parse(text), original)
    }

    func testUnprefixedLineagesStayPositional() {
        let (lineage, style) = LineageParser.parseWithStyle("Bacteria;Firmicutes;Clostridia")
        XCTAssertEqual(style, .positional)
        XCTAssertEqual(lineage.entries.map(\.rank), [.domain, .phylum, .class])
    }
}
