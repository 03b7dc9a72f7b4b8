import SafeYAML
import XCTest

final class YAMLReaderTests: XCTestCase {
    private func parse(_ text: String, limits: YAMLLimits = YAMLLimits()) throws(YAMLError) -> YAMLNode {
        try YAMLReader.document(in: Array(text.utf8), file: "test.yaml", limits: limits)
    }

    private func expectError(_ text: String, limits: YAMLLimits = YAMLLimits(),
                             file: StaticString = #filePath, line: UInt = #line) -> YAMLError? {
        do {
            _ = try parse(text, limits: limits)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testMappingKeepsOrderStylesTagsAndMarks() throws {
        let root = try parse("""
        id: bracken
        name: 'Bracken table'
        columns:
          - "name"
          - !ref taxid
        literal: |
          two
          lines
        """)
        let pairs = try XCTUnwrap(root.pairs)
        XCTAssertEqual(pairs.map { $0.key.scalar?.value }, ["id", "name", "columns", "literal"])
        XCTAssertEqual(root["name"]?.scalar?.style, .singleQuoted)
        XCTAssertEqual(root["name"]?.mark, YAMLMark(line: 2, column: 7))
        let columns = try XCTUnwrap(root["columns"]?.items)
        XCTAssertEqual(columns[0].scalar, YAMLScalar(value: "name", style: .doubleQuoted))
        XCTAssertEqual(columns[1].scalar?.tag, "!ref")
        XCTAssertEqual(columns[1].mark, YAMLMark(line: 5, column: 5))
        XCTAssertEqual(root["literal"]?.scalar?.value, "two\nlines")
        XCTAssertEqual(root["literal"]?.scalar?.style, .literal)
    }

    func testCoreSchemaResolution() throws {
        let root = try parse("a: 12\nb: '12'\nc: true\nd: ~\ne: 1.5e3\nf: 0x1F\ng: text\n")
        XCTAssertEqual(root["a"]?.scalar?.integer, 12)
        XCTAssertNil(root["b"]?.scalar?.integer)
        XCTAssertEqual(root["c"]?.scalar?.bool, true)
        XCTAssertEqual(root["d"]?.scalar?.isNull, true)
        XCTAssertEqual(root["e"]?.scalar?.number, 1500)
        XCTAssertEqual(root["f"]?.scalar?.integer, 31)
        XCTAssertNil(root["g"]?.scalar?.number)
    }

    func testAliasesAreExpanded() throws {
        let root = try parse("base: &b {sep: tab}\ncopy: *b\n")
        XCTAssertEqual(root["copy"]?["sep"]?.scalar?.value, "tab")
    }

    func testSyntaxErrorCarriesLineAndColumn() {
        let error = expectError("a: [1, 2\nb: 3\n")
        guard case .syntax(let location, _)? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertEqual(location.file, "test.yaml")
        XCTAssertGreaterThanOrEqual(location.mark.line, 2)
        XCTAssertTrue(error!.description.hasPrefix("test.yaml:"))
    }

    func testUndefinedAlias() {
        let error = expectError("a: *missing\n")
        XCTAssertEqual(error, .undefinedAlias(YAMLLocation(file: "test.yaml", mark: YAMLMark(line: 1, column: 4)),
                                              anchor: "missing"))
    }

    /// The classic "billion laughs": nine levels of ten aliases each would expand to 10⁹ nodes.
    func testBillionLaughsIsStoppedByTheAliasBudget() {
        var text = "a0: &a0 [lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let error = expectError(text)
        guard case .limitExceeded(let location, let limit)? = error else {
            return XCTFail("got \(String(describing: error))")
        }
        XCTAssertTrue(limit.contains("aliases expand"), limit)
        XCTAssertGreaterThan(location.mark.line, 1)
    }

    func testTenThousandDeepNestingIsRefused() {
        let depth = 10_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = expectError(text)
        guard case .limitExceeded(let location, let limit)? = error else {
            return XCTFail("got \(String(describing: error))")
        }
        XCTAssertTrue(limit.contains("nesting"), limit)
        XCTAssertEqual(location.mark, YAMLMark(line: 1, column: YAMLLimits().maxDepth + 1))
    }

    func testDeepBlockNestingIsRefused() {
        var text = ""
        for level in 0..<300 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        text += String(repeating: " ", count: 300) + "leaf"
        guard case .limitExceeded? = expectError(text) else { return XCTFail("expected a depth limit") }
    }

    func testAliasCannotExceedDepthLimit() {
        let limits = YAMLLimits(maxDepth: 3)
        let error = expectError("a: &a [[1]]\nb: [*a]\n", limits: limits)
        guard case .limitExceeded(let location, _)? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertEqual(location.mark.line, 2)
    }

    func testInputSizeLimit() {
        let error = expectError("key: value\n", limits: YAMLLimits(maxInputBytes: 4))
        guard case .limitExceeded(_, let limit)? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertTrue(limit.contains("bytes"))
    }

    func testNodeCountLimit() {
        let text = "[" + (1...50).map(String.init).joined(separator: ",") + "]"
        guard case .limitExceeded? = expectError(text, limits: YAMLLimits(maxNodes: 20)) else {
            return XCTFail("expected a node limit")
        }
    }

    func testDocumentCounts() throws {
        XCTAssertEqual(try YAMLReader.documents(in: [], file: "e.yaml").count, 0)
        XCTAssertEqual(try YAMLReader.documents(in: Array("a: 1\n---\nb: 2\n".utf8), file: "m.yaml").count, 2)
        guard case .multipleDocuments? = expectError("a: 1\n---\nb: 2\n") else { return XCTFail("expected an error") }
        guard case .noDocument? = expectError("") else { return XCTFail("expected an error") }
    }

    func testUTF16WithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "name: Å\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertEqual(try YAMLReader.document(in: bytes, file: "u.yaml")["name"]?.scalar?.value, "Å")
    }
}
