import FormatKit
import StreamingJSON
import XCTest

final class JSONWriterTests: XCTestCase {
    func testLayoutMixesMultiLineAndCompactContainers() throws {
        let text = try written { sink in
            var writer = JSONWriter()
            try writer.beginObject(multiline: true, to: &sink)
            try writer.key("format", to: &sink)
            try writer.string("mhub-profile", to: &sink)
            try writer.key("rows", to: &sink)
            try writer.beginArray(multiline: true, to: &sink)
            try writer.beginObject(to: &sink)
            try writer.key("id", to: &sink)
            try writer.string("S1", to: &sink)
            try writer.key("n", to: &sink)
            try writer.integer(3, to: &sink)
            try writer.endObject(to: &sink)
            try writer.beginArray(to: &sink)
            try writer.bool(true, to: &sink)
            try writer.null(to: &sink)
            try writer.endArray(to: &sink)
            try writer.endArray(to: &sink)
            try writer.key("empty", to: &sink)
            try writer.beginArray(multiline: true, to: &sink)
            try writer.endArray(to: &sink)
            try writer.endObject(to: &sink)
        }
        XCTAssertEqual(text, """
        {
          "format": "mhub-profile",
          "rows": [
            {"id":"S1","n":3},
            [true,null]
          ],
          "empty": []
        }

        """)
    }

    func testStringEscapingRoundTrips() throws {
        let strings = ["plain", "quote \" backslash \\ slash /", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}",
                       "café 😀 𝄞 \u{2028}", ""]
        let text = try written { sink in
            var writer = JSONWriter()
            try writer.beginArray(to: &sink)
            for string in strings { try writer.string(string, to: &sink) }
            try writer.endArray(to: &sink)
        }
        XCTAssertTrue(text.hasPrefix(#"["plain","quote \" backslash \\ slash /","\u0000\u0001\b\t\n\f\r\u001f"#))
        var reader = makeReader(text)
        try reader.expectBeginArray()
        for string in strings { XCTAssertEqual(try reader.readString(), string) }
        try reader.expectEndArray()
        try reader.expectEndOfInput()
    }

    func testNumbersAreShortestAndFractionalOnRequest() throws {
        let values: [Double] = [120, 0.1, 1e-5, 1e300, 2.5, -0.0, 9_007_199_254_740_992, 1.0 / 3]
        let text = try written { sink in
            var writer = JSONWriter()
            try writer.beginArray(to: &sink)
            for value in values { try writer.number(value, to: &sink) }
            for value in values { try writer.number(value, style: .fractional, to: &sink) }
            try writer.endArray(to: &sink)
        }
        XCTAssertEqual(text, "[120,0.1,1e-05,1e+300,2.5,0,9007199254740992.0,0.3333333333333333,"
                           + "120.0,0.1,1e-05,1e+300,2.5,-0.0,9007199254740992.0,0.3333333333333333]\n")
        var reader = makeReader(text)
        var parsed: [Double] = []
        try reader.readNumberArray(into: &parsed)
        XCTAssertEqual(parsed.map(\.bitPattern), (values.map { $0 == 0 ? 0 : $0 } + values).map(\.bitPattern))
    }

    func testNonFiniteNumbersCannotBeWritten() throws {
        for value in [Double.nan, .infinity, -.infinity] {
            XCTAssertThrowsError(try written { sink in
                var writer = JSONWriter()
                try writer.number(value, to: &sink)
            }) { error in
                XCTAssertEqual((error as? ExportError)?.code, "cannot-represent")
            }
        }
    }

    func testValuesAreWrittenWithSortedKeys() throws {
        var reader = makeReader(#"{"b": [1.50, "x"], "a": {"z": null, "é": true, "Z": false}}"#)
        let value = try reader.readValue()
        let text = try written { sink in
            var writer = JSONWriter()
            try writer.value(value, to: &sink)
        }
        XCTAssertEqual(text, #"{"a":{"Z":false,"z":null,"é":true},"b":[1.50,"x"]}"# + "\n")
        XCTAssertEqual(JSONWriter.sortedKeys(["b", "é", "a", "Z", "e\u{301}"]), ["Z", "a", "b", "e\u{301}", "é"])
    }
}
