import FormatKit
import TabularFormats
import XCTest

/// Every error case reports its code, line and column.
final class TableErrorTests: XCTestCase {
    private func assertError(_ text: String, name: String = "bad.tsv", importer: any ProfileImporter = WideTSVFormat(),
                             code: String, line: Int?, column: Int?, file: StaticString = #filePath, fileLine: UInt = #line) {
        guard let error = TableTestSupport.error(reading: text, name: name, with: importer, file: file, line: fileLine) else { return }
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: fileLine)
        XCTAssertEqual(error.location.file, name, file: file, line: fileLine)
        XCTAssertEqual(error.location.line, line, "\(error)", file: file, line: fileLine)
        XCTAssertEqual(error.location.column, column, "\(error)", file: file, line: fileLine)
    }

    func testRaggedRow() {
        assertError("taxon\tS1\tS2\nA\t1\t2\nB\t3\n", code: "shape-mismatch", line: 3, column: 5)
        assertError("taxon\tS1\tS2\nA\t1\t2\t7\n", code: "shape-mismatch", line: 2, column: 7)
    }

    func testNonNumericAbundanceNamesLineAndColumn() {
        assertError("taxon\tS1\tS2\nA\t1\t2\nBé\t3\tn/d\n", code: "invalid-value", line: 3, column: 6)
        assertError("taxon,S1\nA,-4\n", name: "neg.csv", importer: WideCSVFormat(), code: "invalid-value", line: 2, column: 3)
    }

    func testDuplicateSampleColumns() {
        assertError("taxon\tS1\tS2\tS1\nA\t1\t2\t3\n", code: "duplicate-sample", line: 1, column: 13)
    }

    func testDuplicateTaxonRow() {
        assertError("taxon\tS1\nA\t1\nA\t2\n", code: "duplicate-taxon", line: 3, column: 1)
    }

    func testHeaderMissingAMappedColumn() {
        assertError("sample\ttaxon\tamount\nS1\tA\t3\n", importer: LongTSVFormat(), code: "missing-field", line: 1, column: nil)
    }

    func testUnclosedQuote() {
        assertError("taxon,S1\n\"A,1\nB,2\n", name: "q.csv", importer: WideCSVFormat(), code: "syntax", line: 2, column: 1)
    }

    /// An unclosed quote near the top of a long file is followed line by line, not re-split
    /// each time, and ends in one syntax error at the quote.
    func testUnclosedQuoteInALongFileIsOneSyntaxError() {
        let text = "taxon,S1\nA,\"1\n" + String(repeating: "B,2\n", count: 100_000)
        assertError(text, name: "long.csv", importer: WideCSVFormat(), code: "syntax", line: 2, column: 3)
    }

    /// Records are read on another thread in batches: an error far into the file keeps its
    /// line, and a row that cannot be used is reported before a reading error after it.
    func testErrorsFarIntoALongFileKeepTheirOrderAndPlace() {
        let rows = (0..<5_000).map { "T\($0),\($0 % 7)\n" }.joined()
        assertError("taxon,S1\n" + rows + "X,n/d\n" + rows.replacingOccurrences(of: "T", with: "U"), name: "long.csv",
                    importer: WideCSVFormat(), code: "invalid-value", line: 5_002, column: 3)
        assertError("taxon,S1\n" + rows + "T7,1\n\"Y,1\n" + rows.replacingOccurrences(of: "T", with: "U"), name: "long.csv",
                    importer: WideCSVFormat(), code: "duplicate-taxon", line: 5_002, column: 1)
        assertError("taxon,S1\n" + rows + "Y,1\n\"Z,1\n", name: "long.csv", importer: WideCSVFormat(),
                    code: "syntax", line: 5_003, column: 1)
    }

    func testEmptyInput() {
        assertError("\n\n", code: "empty-input", line: nil, column: nil)
    }

    func testLongDuplicateCell() {
        assertError("sample\ttaxon\tvalue\nS1\tA\t1\nS1\tA\t2\n", importer: LongTSVFormat(),
                    code: "duplicate-taxon", line: 3, column: 4)
    }
}
