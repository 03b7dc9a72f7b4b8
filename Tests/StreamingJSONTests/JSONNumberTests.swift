import StreamingJSON
import XCTest

final class JSONNumberTests: XCTestCase {
    private func number(_ text: String) throws -> JSONNumber {
        var reader = makeReader("[\(text)]")
        try reader.expectBeginArray()
        let number = try reader.readNumber()
        try reader.expectEndArray()
        try reader.expectEndOfInput()
        return number
    }

    func testIntegersAreExact() throws {
        let cases: [(String, Int64?)] = [
            ("0", 0), ("-0", 0), ("7", 7), ("-42", -42),
            ("9007199254740993", 9_007_199_254_740_993),
            ("9223372036854775807", .max), ("-9223372036854775808", .min),
            ("9223372036854775808", nil), ("-9223372036854775809", nil), ("123456789012345678901234", nil),
        ]
        for (text, expected) in cases {
            let parsed = try number(text)
            XCTAssertEqual(parsed.int64, expected, text)
            XCTAssertTrue(parsed.isIntegerLiteral, text)
            XCTAssertEqual(parsed.text, text)
            XCTAssertEqual(parsed.double, Double(text)!, text)
        }
        // 2^53 + 1 has no exact double: the double is correctly rounded, the integer exact.
        XCTAssertEqual(try number("9007199254740993").double, 9_007_199_254_740_992)
    }

    func testFractionsAndExponents() throws {
        let cases: [(String, Double)] = [
            ("1.5", 1.5), ("-2.5e3", -2500), ("1E+3", 1000), ("1e-3", 0.001), ("0.1", 0.1), ("5.0", 5),
            ("0.000123", 0.000123), ("1.7976931348623157e308", .greatestFiniteMagnitude),
            ("5e-324", .leastNonzeroMagnitude), ("2.2250738585072011e-308", Double(bitPattern: 0x000F_FFFF_FFFF_FFFF)),
            ("1e-400", 0), ("123456789012345678901234567890.5", 1.2345678901234568e29),
            ("0e999999999", 0), ("1e23", 1e23), ("8.98846567431158e307", 8.98846567431158e307),
        ]
        for (text, expected) in cases {
            let parsed = try number(text)
            XCTAssertEqual(parsed.double, expected, text)
            XCTAssertFalse(parsed.isIntegerLiteral, text)
            XCTAssertNil(parsed.int64, text)
        }
        XCTAssertEqual(try number("-0.0").double.sign, .minus)
        XCTAssertEqual(try number("-0").double.sign, .minus)
        XCTAssertEqual(try number("-1e-400").double.sign, .minus)
    }

    /// Every printed double reads back to the same bits, and random decimal texts parse to
    /// the same value as the standard library's correctly rounded parser.
    func testParsingIsCorrectlyRounded() throws {
        var generator = SystemRandomNumberGenerator()
        var texts: [String] = []
        for _ in 0..<3000 {
            let bits = UInt64.random(in: 0...UInt64.max, using: &generator)
            let value = Double(bitPattern: bits)
            if value.isFinite { texts.append("\(value)") }
        }
        for _ in 0..<3000 {
            let digits = (0..<Int.random(in: 1...25)).map { _ in String(Int.random(in: 0...9)) }.joined()
            let point = Int.random(in: 0...digits.count)
            var text = digits.count > 1 && digits.first == "0" ? "1" + digits.dropFirst() : digits
            if point < text.count && point > 0 { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            if Bool.random() { text += "e\(Int.random(in: -330...300))" }
            text = (Bool.random() ? "-" : "") + text
            if Double(text)!.isFinite { texts.append(text) }
        }
        var reader = makeReader("[" + texts.joined(separator: ",") + "]", chunkSize: 4096)
        try reader.expectBeginArray()
        for text in texts {
            let expected = Double(text)!
            XCTAssertEqual(try reader.readNumber().double.bitPattern, expected.bitPattern, text)
        }
        try reader.expectEndArray()
    }

    func testMalformedNumbers() {
        for text in ["01", "-01", "1.", ".5", "+1", "-", "1e", "1e+", "1.2.3", "--1", "1e5e3", "0x10", "1-2", "00"] {
            let error = readError("[\(text)]")
            switch error {
            case .invalidNumber(let written, let at)?:
                XCTAssertEqual(at, JSONPosition(line: 1, column: 2, offset: 1), text)
                XCTAssertTrue(text.hasPrefix(written), text)
            case .unexpectedCharacter?, .unexpectedEnd?:
                XCTAssertTrue(["0x10", ".5", "+1"].contains(text), "\(text): \(String(describing: error))")
            default:
                XCTFail("\(text): \(String(describing: error))")
            }
            XCTAssertEqual(error?.importError(file: "f.json").code, "syntax", text)
        }
    }

    func testNonFiniteNumbersAreRejected() {
        for text in ["1e400", "-1e400", "NaN", "Infinity", "-Infinity", "1234567890123456789012345e300"] {
            let error = readError("[1, \(text)]")
            guard case .nonFiniteNumber(let written, let at)? = error else {
                XCTFail("\(text): \(String(describing: error))")
                continue
            }
            XCTAssertEqual(written, text)
            XCTAssertEqual(at, JSONPosition(line: 1, column: 5, offset: 4))
            XCTAssertEqual(error?.importError(file: "f.json").code, "invalid-value")
        }
    }
}
