import ProfileModel
import XCTest

/// A lineage given as levels parses exactly as the same levels joined by `"; "` do.
final class LineageParserLevelsTests: XCTestCase {
    func testLevelsParseAsTheirJoinedText() {
        let cases: [[String]] = [
            ["k__Bacteria", "p__Firmicutes", "c__Clostridia", "o__", "f__", "g__", "s__"],
            ["d__Bacteria", " p__Bacteroidota ", "\tc__Bacteroidia"],
            ["D_0__Bacteria", "D_1__Proteobacteria", "D_2__Gammaproteobacteria"],
            ["Bacteria(100)", "Firmicutes(99)", ""], ["Bacteria(100)", "Firmicutes(99)"],
            ["Bacteria", "Firmicutes", "Bacilli"], ["Root", "k__Bacteria", "Other"],
            ["", "k__Bacteria"], ["k__Bacteria", "", "", ""], ["", ""], [" ", "  "], ["Unassigned"], [" "], [],
            ["k__Bacteria|p__Firmicutes", "c__Bacilli"], ["k__Bacteria;p__Firmicutes", "c__Bacilli"],
            ["k__Bacteria\n", "p__Firmicutes"], ["\u{2028}k__Bacteria", "p__Firmicutes\u{00A0}"],
            ["k__Bactéria", "p__Firmicutes"], ["\"Bacteria\"", "'Firmicutes'"], ["sk__Bacteria", "p_Firmicutes"],
        ]
        for levels in cases {
            let joined = LineageParser.parseWithStyle(levels.joined(separator: "; "), rankHint: .genus)
            let split = LineageParser.parseLevels(levels, rankHint: .genus)
            XCTAssertEqual(split.lineage, joined.lineage, "\(levels)")
            XCTAssertEqual(split.style, joined.style, "\(levels)")
        }
    }
}
