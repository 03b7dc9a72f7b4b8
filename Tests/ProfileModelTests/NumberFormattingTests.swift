import ProfileModel
import XCTest

/// Integers appended as bytes read exactly as their decimal text.
final class NumberFormattingTests: XCTestCase {
    func testAppendDecimalMatchesTheDecimalText() {
        var values: [UInt64] = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 4642, 65_535, 9_007_199_254_740_992,
                                UInt64.max, UInt64.max - 1]
        var power: UInt64 = 1
        while power <= UInt64.max / 10 {
            power *= 10
            values += [power - 1, power, power + 1]
        }
        for value in values {
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            NumberFormatting.appendDecimal(value, to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "[\(value)")
        }
    }
}
