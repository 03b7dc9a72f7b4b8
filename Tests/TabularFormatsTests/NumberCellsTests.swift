import TabularKit
import XCTest

/// Abundance cells parse to the correctly rounded value on every path: plain zeros, short
/// numbers read exactly in place, and long ones handed to the standard library.
final class NumberCellsTests: XCTestCase {
    private func read(_ text: String, decimalMark: UInt8 = UInt8(ascii: ".")) -> NumberCells.Reading {
        NumberCells.read(Array(text.utf8)[...], decimalMark: decimalMark)
    }

    func testZerosAndIntegers() {
        XCTAssertEqual(read("0"), .number(0, percentSign: false))
        XCTAssertEqual(read("0.000"), .number(0, percentSign: false))
        XCTAssertEqual(read("0,0", decimalMark: UInt8(ascii: ",")), .number(0, percentSign: false))
        XCTAssertEqual(read("4999"), .number(4999, percentSign: false))
        XCTAssertEqual(read("007"), .number(7, percentSign: false))
        XCTAssertEqual(read("9007199254740993"), .number(9007199254740992, percentSign: false))
    }

    func testLongNumbersAreCorrectlyRounded() {
        for text in ["0.1000000000000000055511151231257827", "123456789012345678901234567890",
                     "2.2250738585072011e-308", "0.30000000000000004", "1.7976931348623157e308",
                     "0.000000000000000000000000123456789", "12345678901234567.5e-3"] {
            XCTAssertEqual(read(text), .number(Double(text)!, percentSign: false), text)
        }
        XCTAssertEqual(read("1e400"), .number(.infinity, percentSign: false))
    }

    func testSpreadsheetSpellings() {
        let comma = UInt8(ascii: ",")
        XCTAssertEqual(read("1.234.567,891011121314151617", decimalMark: comma),
                       .number(Double("1234567.891011121314151617")!, percentSign: false))
        XCTAssertEqual(read("1\u{00A0}234,5", decimalMark: comma), .number(1234.5, percentSign: false))
        XCTAssertEqual(read("\u{00A0} 12,5 %\u{00A0}", decimalMark: comma), .number(12.5, percentSign: true))
        XCTAssertEqual(read("1'000'000"), .number(1_000_000, percentSign: false))
        XCTAssertEqual(read("-2.5E-3"), .number(-0.0025, percentSign: false))
        XCTAssertEqual(read("NA"), .missing)
        XCTAssertEqual(read("  "), .missing)
        XCTAssertEqual(read("12,34"), .invalid)
        XCTAssertEqual(read("1,2345"), .invalid)
        XCTAssertEqual(read("0x10"), .invalid)
        XCTAssertEqual(read("1e"), .invalid)
        XCTAssertEqual(read("."), .invalid)
    }
}
