import FormatKit
import StreamingJSON
import XCTest

final class JSONReaderHelperTests: XCTestCase {
    func testObjectAndArrayLoops() throws {
        var reader = makeReader(#"{"id": "S1", "counts": [3, 4], "skip": {"deep": [[{"x": null}]]}, "ok": true}"#)
        try reader.expectBeginObject()
        try reader.expectKey("id")
        XCTAssertEqual(try reader.readString(), "S1")
        try reader.expectKey("counts")
        try reader.expectBeginArray()
        var counts: [Int64] = []
        while try reader.nextElement() { counts.append(try reader.readInt64()) }
        XCTAssertEqual(counts, [3, 4])
        XCTAssertEqual(try reader.nextKey(), "skip")
        try reader.skipValue()
        XCTAssertEqual(try reader.nextKey(), "ok")
        XCTAssertTrue(try reader.readBool())
        XCTAssertNil(try reader.nextKey())
        try reader.expectEndOfInput()
    }

    func testHelpersReportWhatTheyExpected() {
        var reader = makeReader(#"{"a": 1.5, "b": "x", "c": 1}"#)
        XCTAssertNoThrow(try reader.expectBeginObject())
        XCTAssertThrowsError(try reader.expectKey("z")) {
            XCTAssertEqual($0 as? JSONReadError,
                           .unexpectedKey(expected: "z", found: "\"a\"", at: JSONPosition(line: 1, column: 2, offset: 1)))
        }
        XCTAssertThrowsError(try reader.readInt64()) {
            XCTAssertEqual($0 as? JSONReadError,
                           .typeMismatch(expected: "an integer", found: "the number 1.5", at: JSONPosition(line: 1, column: 7, offset: 6)))
            XCTAssertEqual(($0 as? JSONReadError)?.importError(file: "f.json").code, "invalid-value")
        }
        XCTAssertEqual(try reader.nextKey(), "b")
        XCTAssertThrowsError(try reader.readDouble()) {
            XCTAssertEqual($0 as? JSONReadError, .typeMismatch(expected: "a number", found: "a string",
                                                               at: JSONPosition(line: 1, column: 17, offset: 16)))
        }
        XCTAssertEqual(try reader.nextKey(), "c")
        XCTAssertThrowsError(try reader.readOptionalString()) {
            XCTAssertEqual($0 as? JSONReadError, .typeMismatch(expected: "a string or null", found: "the number 1",
                                                               at: JSONPosition(line: 1, column: 27, offset: 26)))
        }
    }

    func testExpectKeyAtTheEndOfAnObject() {
        var reader = makeReader("{}")
        XCTAssertNoThrow(try reader.expectBeginObject())
        XCTAssertThrowsError(try reader.expectKey("format")) {
            XCTAssertEqual($0 as? JSONReadError, .unexpectedKey(expected: "format", found: "the end of the object",
                                                                at: JSONPosition(line: 1, column: 2, offset: 1)))
        }
    }

    func testReadValueBuildsATreeAndRejectsRepeatedKeys() throws {
        var reader = makeReader(#"{"list": [1, "two", null, {"x": false}], "n": 2.5}"#)
        let value = try reader.readValue()
        let one = JSONNumber(text: "1", double: 1, int64: 1, isIntegerLiteral: true)
        let twoAndHalf = JSONNumber(text: "2.5", double: 2.5, int64: nil, isIntegerLiteral: false)
        XCTAssertEqual(value, .object([
            "list": .array([.number(one), .string("two"), .null, .object(["x": .bool(false)])]),
            "n": .number(twoAndHalf),
        ]))
        var repeated = makeReader("{\"a\": 1,\n \"a\": 2}")
        XCTAssertThrowsError(try repeated.readValue()) {
            XCTAssertEqual($0 as? JSONReadError, .duplicateKey("a", at: JSONPosition(line: 2, column: 2, offset: 10)))
        }
    }

    func testNumberArraysInBulk() throws {
        let text = "{\"data\": [[0, 1, 5.0], [1,0,2] ,[ 2 , 3 , 1e2 ], []]}"
        for chunkSize in [1, 3, 1 << 20] {
            var reader = makeReader(text, chunkSize: chunkSize)
            try reader.expectBeginObject()
            try reader.expectKey("data")
            try reader.expectBeginArray()
            var values: [Double] = []
            var rows = 0
            while try reader.nextElement() {
                try reader.readNumberArray(into: &values)
                rows += 1
            }
            XCTAssertNil(try reader.nextKey())
            try reader.expectEndOfInput()
            XCTAssertEqual(rows, 4)
            XCTAssertEqual(values, [0, 1, 5, 1, 0, 2, 2, 3, 100])
        }
    }

    func testNumberArrayErrors() {
        let cases: [(String, JSONReadError)] = [
            (#"[[1, "2"]]"#, .typeMismatch(expected: "a number", found: "a string", at: JSONPosition(line: 1, column: 6, offset: 5))),
            ("[[1, 2,]]", .unexpectedCharacter(found: "']'", expected: "a number", at: JSONPosition(line: 1, column: 8, offset: 7))),
            ("[[1 2]]", .unexpectedCharacter(found: "'2'", expected: "',' or ']'", at: JSONPosition(line: 1, column: 5, offset: 4))),
            ("[[1, NaN]]", .nonFiniteNumber("NaN", at: JSONPosition(line: 1, column: 6, offset: 5))),
            ("[[1, -Infinity]]", .nonFiniteNumber("-Infinity", at: JSONPosition(line: 1, column: 6, offset: 5))),
            ("[[1, 1e999]]", .nonFiniteNumber("1e999", at: JSONPosition(line: 1, column: 6, offset: 5))),
            ("[[1,\n 2", .unexpectedEnd(inside: "array starting at line 1, column 2", at: JSONPosition(line: 2, column: 3, offset: 7))),
            ("[{\"a\": 1}]", .typeMismatch(expected: "an array", found: "'{'", at: JSONPosition(line: 1, column: 2, offset: 1))),
        ]
        for (text, expected) in cases {
            var reader = makeReader(text)
            var values: [Double] = []
            XCTAssertThrowsError(try { () throws(JSONReadError) in
                try reader.expectBeginArray()
                while try reader.nextElement() { try reader.readNumberArray(into: &values) }
            }(), text) { XCTAssertEqual($0 as? JSONReadError, expected, text) }
        }
    }

    func testPathPointsAtTheCurrentValue() throws {
        var reader = makeReader(#"{"samples": [{"id": "a"}, {"id": "b", "meta/x": [1, 2]}]}"#)
        var paths: [String] = []
        while try reader.next() != .endOfInput { paths.append(reader.path) }
        XCTAssertTrue(paths.contains("/samples/1/id"))
        XCTAssertTrue(paths.contains("/samples/1/meta~1x/1"))
        var bulk = makeReader("[[1, 2], [3, x]]")
        var values: [Double] = []
        XCTAssertThrowsError(try { () throws(JSONReadError) in
            try bulk.expectBeginArray()
            while try bulk.nextElement() { try bulk.readNumberArray(into: &values) }
        }())
        XCTAssertEqual(bulk.path, "/1/1")
    }

    func testImportErrorCarriesFileLineColumnAndPath() {
        let error = JSONReadError.unexpectedEnd(inside: "array starting at line 2, column 3",
                                                at: JSONPosition(line: 9, column: 4, offset: 120))
        XCTAssertEqual(error.importError(file: "t.json", path: "/values/S1"),
                       .syntax(SourceLocation(file: "t.json", line: 9, column: 4, path: "/values/S1", byteOffset: 120),
                               reason: "unexpected end of input inside array starting at line 2, column 3"))
        XCTAssertEqual(JSONReadError.emptyInput(at: JSONPosition(line: 1, column: 1, offset: 0)).importError(file: "t").code,
                       "empty-input")
    }
}
