import FormatKit
import StreamingJSON
import XCTest

final class JSONReaderTests: XCTestCase {
    /// A document with every kind of token, escapes, non-ASCII text and several lines.
    static let sample = """
    {"format": "mhub-profile", "n": [1, -2.5e3, 0, true, false, null],
     "nested": {"a": [[], {}], "é": "café \\u00e9\\n\\ud83d\\ude00"},
    \t"last": -0}
    """

    func testEveryTokenKindWithPositions() throws {
        let read = try tokens(of: Self.sample)
        let expected: [JSONToken] = [
            .beginObject, .key("format"), .string("mhub-profile"), .key("n"), .beginArray,
            .number(JSONNumber(text: "1", double: 1, int64: 1, isIntegerLiteral: true)),
            .number(JSONNumber(text: "-2.5e3", double: -2500, int64: nil, isIntegerLiteral: false)),
            .number(JSONNumber(text: "0", double: 0, int64: 0, isIntegerLiteral: true)),
            .bool(true), .bool(false), .null, .endArray,
            .key("nested"), .beginObject, .key("a"), .beginArray, .beginArray, .endArray, .beginObject, .endObject,
            .endArray, .key("é"), .string("café é\n😀"), .endObject,
            .key("last"), .number(JSONNumber(text: "-0", double: -0.0, int64: 0, isIntegerLiteral: true)),
            .endObject, .endOfInput,
        ]
        XCTAssertEqual(read.map(\.0), expected)
        XCTAssertEqual(read[0].1, JSONPosition(line: 1, column: 1, offset: 0))
        XCTAssertEqual(read[2].1, JSONPosition(line: 1, column: 12, offset: 11))
        // Line 2 starts after the newline at offset 67; "é" is two bytes but one column.
        let accentKey = try XCTUnwrap(read.firstIndex { $0.0 == .key("é") })
        XCTAssertEqual(read[accentKey].1, JSONPosition(line: 2, column: 28, offset: 94))
        XCTAssertEqual(read[accentKey + 1].1, JSONPosition(line: 2, column: 33, offset: 100))
        let last = try XCTUnwrap(read.firstIndex { $0.0 == .key("last") })
        XCTAssertEqual(read[last].1, JSONPosition(line: 3, column: 2, offset: 132))
        XCTAssertTrue(JSONNumber.of(read[last + 1].0)!.double.sign == .minus)
    }

    func testOneByteChunksGiveTheSameTokensAndPositions() throws {
        let whole = try tokens(of: Self.sample)
        for chunkSize in [1, 2, 3, 5, 7, 64] {
            let chunked = try tokens(of: Array(Self.sample.utf8), chunkSize: chunkSize)
            XCTAssertEqual(chunked.map(\.0), whole.map(\.0), "chunk size \(chunkSize)")
            XCTAssertEqual(chunked.map(\.1), whole.map(\.1), "chunk size \(chunkSize)")
        }
    }

    func testTruncationAtEveryOffsetIsATypedError() {
        let bytes = Array(Self.sample.utf8)
        for length in 0..<bytes.count {
            for chunkSize in [1, 1 << 20] {
                guard let error = readError(Array(bytes[..<length]), chunkSize: chunkSize) else { continue }
                switch error {
                case .emptyInput, .unexpectedEnd:
                    XCTAssertNotNil(error.position, "length \(length)")
                case .invalidNumber(let text, _):
                    // A number cut after its sign, point or exponent mark is itself malformed.
                    XCTAssertTrue(["-", "-2.", "-2.5e"].contains(text), "length \(length): \(error)")
                case .invalidEscape, .unexpectedCharacter, .invalidUTF8, .controlCharacter, .nonFiniteNumber,
                     .limitExceeded, .typeMismatch, .unexpectedKey, .duplicateKey, .input:
                    XCTFail("length \(length): \(error)")
                }
            }
        }
    }

    func testEndOfInputNamesTheOpenArrayAndItsLine() {
        let error = readError("{\"values\":\n  [1,\n   2")
        XCTAssertEqual(error, .unexpectedEnd(inside: "array starting at line 2, column 3",
                                             at: JSONPosition(line: 3, column: 5, offset: 21)))
        XCTAssertEqual(error?.message, "unexpected end of input inside array starting at line 2, column 3")
        XCTAssertEqual(readError("[\"abc"),
                       .unexpectedEnd(inside: "the string starting at line 1, column 2", at: JSONPosition(line: 1, column: 6, offset: 5)))
        XCTAssertEqual(readError("tru"), .unexpectedEnd(inside: "the top-level value", at: JSONPosition(line: 1, column: 4, offset: 3)))
    }

    func testEmptyAndBlankInputs() {
        XCTAssertEqual(readError(""), .emptyInput(at: JSONPosition(line: 1, column: 1, offset: 0)))
        XCTAssertEqual(readError(" \n\t\r\n "), .emptyInput(at: JSONPosition(line: 3, column: 2, offset: 6)))
    }

    func testLineEndingsCountLikeTheLineReader() throws {
        let read = try tokens(of: "[1,\r\n2,\r3,\n4]")
        XCTAssertEqual(read.map(\.1.line), [1, 1, 2, 3, 4, 4, 4])
        XCTAssertEqual(read[4].1, JSONPosition(line: 4, column: 1, offset: 11))
    }

    func testStringEscapes() throws {
        let read = try tokens(of: #"["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20AC\u0000", "\uD834\uDD1E", "plain"]"#)
        XCTAssertEqual(read.map(\.0)[1...4], [.string("\"\\/\u{8}\u{C}\n\r\t"), .string("Aé€\u{0}"), .string("𝄞"), .string("plain")])
    }

    func testInvalidEscapes() {
        XCTAssertEqual(readError(#"["ab\x"]"#), .invalidEscape(#"\x"#, at: JSONPosition(line: 1, column: 5, offset: 4)))
        XCTAssertEqual(readError(#"["é\u12G4"]"#), .invalidEscape(#"\u12G4"#, at: JSONPosition(line: 1, column: 4, offset: 4)))
        XCTAssertEqual(readError(#"["\u12"]"#), .invalidEscape(#"\u12"#, at: JSONPosition(line: 1, column: 3, offset: 2)))
        XCTAssertEqual(readError(#"["\uD83D"]"#),
                       .invalidEscape(#"\uD83D (a high surrogate without its low half)"#, at: JSONPosition(line: 1, column: 3, offset: 2)))
        XCTAssertEqual(readError(#"["\uD83D\u0041"]"#),
                       .invalidEscape(#"\uD83D (a high surrogate without its low half)"#, at: JSONPosition(line: 1, column: 3, offset: 2)))
        XCTAssertEqual(readError(#"["x\uDE00"]"#),
                       .invalidEscape(#"\uDE00 (a low surrogate without its high half)"#, at: JSONPosition(line: 1, column: 4, offset: 3)))
    }

    func testMalformedUTF8IsRejectedAtItsByte() {
        let cases: [[UInt8]] = [
            [0xFF], [0xC0, 0x80], [0xC3], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
        ]
        for bad in cases {
            let bytes = Array("[\"é".utf8) + bad + Array("x\"]".utf8)
            let error = readError(bytes)
            XCTAssertEqual(error, .invalidUTF8(at: JSONPosition(line: 1, column: 4, offset: 4)), "\(bad)")
            XCTAssertEqual(error?.importError(file: "f.json").code, "encoding")
        }
        // Well-formed sequences of every length, also split across chunks.
        let good = Array("[\"é€𝄞\"]".utf8)
        XCTAssertEqual(try tokens(of: good, chunkSize: 1).map(\.0)[1], .string("é€𝄞"))
    }

    func testRawControlCharactersInStrings() {
        XCTAssertEqual(readError("[\"a\tb\"]"), .controlCharacter(0x09, at: JSONPosition(line: 1, column: 4, offset: 3)))
        XCTAssertEqual(readError("[\"a\nb\"]")?.message,
                       "a string holds the raw control character U+000A; JSON requires it escaped")
    }

    func testGrammarErrors() {
        let cases: [(String, JSONReadError)] = [
            ("[1 2]", .unexpectedCharacter(found: "'2'", expected: "',' or ']'", at: JSONPosition(line: 1, column: 4, offset: 3))),
            ("[1,]", .unexpectedCharacter(found: "']'", expected: "a value", at: JSONPosition(line: 1, column: 4, offset: 3))),
            ("{\"a\" 1}", .unexpectedCharacter(found: "'1'", expected: "':' after the key", at: JSONPosition(line: 1, column: 6, offset: 5))),
            ("{\"a\":1,}", .unexpectedCharacter(found: "'}'", expected: "a key string", at: JSONPosition(line: 1, column: 8, offset: 7))),
            ("{a:1}", .unexpectedCharacter(found: "'a'", expected: "a key string or '}'", at: JSONPosition(line: 1, column: 2, offset: 1))),
            ("['x']", .unexpectedCharacter(found: "'''", expected: "a value", at: JSONPosition(line: 1, column: 2, offset: 1))),
            ("[1]]", .unexpectedCharacter(found: "']'", expected: "the end of the input after the top-level value",
                                          at: JSONPosition(line: 1, column: 4, offset: 3))),
            ("1 2", .unexpectedCharacter(found: "'2'", expected: "the end of the input after the top-level value",
                                         at: JSONPosition(line: 1, column: 3, offset: 2))),
            ("[truth]", .unexpectedCharacter(found: "'t'", expected: "the literal 'true'", at: JSONPosition(line: 1, column: 5, offset: 4))),
            ("[nul]", .unexpectedCharacter(found: "']'", expected: "the literal 'null'", at: JSONPosition(line: 1, column: 5, offset: 4))),
            ("[\u{0B}]", .unexpectedCharacter(found: "U+000B", expected: "a value", at: JSONPosition(line: 1, column: 2, offset: 1))),
            ("{\"a\":1]", .unexpectedCharacter(found: "']'", expected: "',' or '}'", at: JSONPosition(line: 1, column: 7, offset: 6))),
        ]
        for (text, expected) in cases {
            let error = readError(text)
            XCTAssertEqual(error, expected, text)
            XCTAssertEqual(error?.importError(file: "f.json").code, "syntax", text)
        }
    }

    func testDepthBombHitsTheLimit() {
        let bomb = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let error = readError(bomb)
        XCTAssertEqual(error, .limitExceeded("more than 512 nested arrays and objects", at: JSONPosition(line: 1, column: 513, offset: 512)))
        XCTAssertEqual(error?.importError(file: "f.json").code, "limit-exceeded")
        let objects = String(repeating: "{\"a\":", count: 20)
        XCTAssertEqual(readError(objects, limits: JSONReaderLimits(maxDepth: 10)),
                       .limitExceeded("more than 10 nested arrays and objects", at: JSONPosition(line: 1, column: 51, offset: 50)))
    }

    func testExactlyTheDepthLimitIsAllowed() throws {
        let nested = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertEqual(try tokens(of: nested).count, 1025)
    }

    func testStringAndNumberLengthLimits() {
        let limits = JSONReaderLimits(maxStringBytes: 8, maxNumberBytes: 4)
        XCTAssertEqual(readError("[\"123456789\"]", limits: limits),
                       .limitExceeded("a string longer than 8 bytes", at: JSONPosition(line: 1, column: 2, offset: 1)))
        XCTAssertNil(try? tokens(of: Array("[\"123456789\"]".utf8), chunkSize: 2, limits: limits))
        XCTAssertEqual(try tokens(of: Array("[\"12345678\", 1234]".utf8), chunkSize: 3, limits: limits).count, 5)
        XCTAssertEqual(readError("[12345]", limits: limits),
                       .limitExceeded("a number longer than 4 bytes", at: JSONPosition(line: 1, column: 2, offset: 1)))
    }

    func testPeekDoesNotConsume() throws {
        var reader = makeReader("[\"a\", 2]")
        XCTAssertEqual(try reader.next(), .beginArray)
        XCTAssertEqual(try reader.peek(), .string("a"))
        XCTAssertEqual(reader.tokenPosition.column, 2)
        XCTAssertEqual(try reader.peek(), .string("a"))
        XCTAssertEqual(try reader.next(), .string("a"))
        XCTAssertEqual(try reader.readInt64(), 2)
        XCTAssertEqual(reader.tokenPosition.column, 7)
        XCTAssertEqual(try reader.next(), .endArray)
        XCTAssertEqual(try reader.next(), .endOfInput)
    }

    func testInputErrorsPassThrough() {
        final class FailingStream: ByteStream {
            func read(maxCount: Int) throws(ImportError) -> [UInt8] {
                throw .io(SourceLocation(file: "broken.json"), reason: "disk on fire")
            }
        }
        var reader = JSONReader(stream: FailingStream())
        XCTAssertThrowsError(try reader.next()) { error in
            let expected = ImportError.io(SourceLocation(file: "broken.json"), reason: "disk on fire")
            XCTAssertEqual(error as? JSONReadError, .input(expected))
            XCTAssertEqual((error as? JSONReadError)?.importError(file: "other"), expected)
        }
    }
}
