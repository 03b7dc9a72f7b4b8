/// Prints numbers the shortest way that reads back to the same value.
public enum NumberFormatting {
    /// Integral values within ±2^53 print as integers (`120`, not `120.0`); others use the
    /// shortest digits that round-trip (`0.1`, `1e-05`). The caller ensures the value is finite.
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 {
            return value == 0 ? "0" : String(Int64(value))
        }
        return String(value)
    }

    /// Appends the decimal digits of `value` to `bytes`, without making a string: writers of
    /// large tables print millions of integers (indices, counts).
    public static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: value))
            return
        }
        // UInt64.max has 20 digits; they are produced two at a time from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = value
            var start = digits.count
            while remaining >= 100 {
                let pair = Int(remaining % 100) &* 2
                remaining /= 100
                start -= 2
                digits[start] = digitPairs[pair]
                digits[start + 1] = digitPairs[pair + 1]
            }
            if remaining >= 10 {
                let pair = Int(remaining) &* 2
                start -= 2
                digits[start] = digitPairs[pair]
                digits[start + 1] = digitPairs[pair + 1]
            } else {
                start -= 1
                digits[start] = 0x30 &+ UInt8(truncatingIfNeeded: remaining)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// `00`, `01`, … `99` as ASCII digit pairs.
    private static let digitPairs: [UInt8] = (0..<100).flatMap { (pair: Int) -> [UInt8] in
        let tens = UInt8(pair / 10), units = UInt8(pair % 10)
        return [0x30 + tens, 0x30 + units]
    }
}
