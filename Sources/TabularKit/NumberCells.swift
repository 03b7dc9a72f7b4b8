/// Reads abundance cells as spreadsheets write them: optional sign, thousands separators,
/// a `.` or `,` decimal mark, an exponent, a trailing `%`, and missing-value tokens.
public enum NumberCells {
    /// What a cell holds.
    public enum Reading: Sendable, Equatable {
        /// A number; `percentSign` when the cell ended with `%`.
        case number(Double, percentSign: Bool)
        /// An empty cell or a missing-value token (`NA`): no abundance.
        case missing
        /// Not a number.
        case invalid
    }

    /// Tokens read as "no value" by default (R's `NA`, a dash, `null`). `NaN` is not among
    /// them: like every reader, a table refuses a value that is not a number (PLUGIN_GUIDE,
    /// "Values and text"); a descriptor whose lab writes `NaN` for "not measured" lists it.
    public static let defaultMissingTokens: Set<String> = ["NA", "N/A", "n/a", "na", "-", "null", "NULL"]

    /// Reads `cell` with `decimalMark` (`.` or `,`); the other of `.`/`,`, spaces, no-break
    /// spaces and apostrophes are accepted as thousands separators in groups of three digits.
    public static func read(_ cell: ArraySlice<UInt8>, decimalMark: UInt8,
                            missing: Set<String> = defaultMissingTokens) -> Reading {
        var bytes = trimSpaces(cell)
        if bytes.isEmpty { return .missing }
        var percent = false
        if bytes.last == UInt8(ascii: "%") {
            percent = true
            bytes = trimSpaces(bytes.dropLast())
        }
        if let value = parse(bytes, decimalMark: decimalMark) { return .number(value, percentSign: percent) }
        if !percent, missing.contains(String(decoding: bytes, as: UTF8.self)) { return .missing }
        return .invalid
    }

    /// The bytes without surrounding ASCII spaces, tabs and UTF-8 no-break spaces.
    static func trimSpaces(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lower = bytes.startIndex, upper = bytes.endIndex
        while true {
            if lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 {
                lower += 1
            } else if upper - lower >= 2, bytes[lower] == 0xC2, bytes[lower + 1] == 0xA0 {
                lower += 2
            } else {
                break
            }
        }
        while true {
            if lower < upper, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 {
                upper -= 1
            } else if upper - lower >= 2, bytes[upper - 2] == 0xC2, bytes[upper - 1] == 0xA0 {
                upper -= 2
            } else {
                break
            }
        }
        return bytes[lower..<upper]
    }

    /// Whether `cell` is a zero written plainly (`0`, `0.0`, `0.000` with `decimalMark`), which
    /// holds no abundance and needs no parsing; anything else returns `false`.
    @inline(__always)
    static func isPlainZero<Bytes: Collection<UInt8>>(_ cell: Bytes, decimalMark: UInt8) -> Bool where Bytes.Index == Int {
        var index = cell.startIndex
        let end = cell.endIndex
        guard index < end, cell[index] == 0x30 else { return false }
        index += 1
        if index == end { return true }
        guard cell[index] == decimalMark, index + 1 < end else { return false }
        index += 1
        while index < end {
            guard cell[index] == 0x30 else { return false }
            index += 1
        }
        return true
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses a number; `nil` when the bytes are not one.
    ///
    /// Works in place on the bytes: the digits are accumulated while they are scanned, and only a
    /// number with more than 15 significant digits or a power of ten beyond 10²² is copied out
    /// for the standard library's parser.
    static func parse(_ bytes: ArraySlice<UInt8>, decimalMark: UInt8) -> Double? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0
        var sawDigit = false
        // Integer part, with thousands separators in groups of three.
        var groupLength = 0
        var sawSeparator = false
        while index < end {
            let byte = bytes[index]
            let digit = byte &- 0x30
            if digit < 10 {
                accumulate(digit, into: &mantissa, significantDigits: &significantDigits)
                sawDigit = true
                groupLength += 1
                index += 1
            } else if byte != decimalMark, let width = separatorWidth(bytes, at: index, decimalMark: decimalMark) {
                // A separator must follow 1–3 digits (first group) or exactly 3, and be followed by a digit.
                guard groupLength > 0, sawSeparator ? groupLength == 3 : groupLength <= 3 else { return nil }
                sawSeparator = true
                groupLength = 0
                index += width
                guard index < end, bytes[index] &- 0x30 < 10 else { return nil }
            } else {
                break
            }
        }
        if sawSeparator, groupLength != 3 { return nil }
        if index < end, bytes[index] == decimalMark {
            index += 1
            while index < end, bytes[index] &- 0x30 < 10 {
                accumulate(bytes[index] &- 0x30, into: &mantissa, significantDigits: &significantDigits)
                decimalExponent -= 1
                sawDigit = true
                index += 1
            }
        }
        guard sawDigit else { return nil }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0
            var sawExponentDigit = false
            while index < end, bytes[index] &- 0x30 < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] - 0x30) }
                sawExponentDigit = true
                index += 1
            }
            guard sawExponentDigit else { return nil }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard index == end else { return nil }
        let magnitude: Double
        if significantDigits <= 15, abs(decimalExponent) <= 22 {
            // Both operands are exact, so the one multiplication or division rounds correctly.
            let value = Double(mantissa)
            magnitude = decimalExponent >= 0 ? value * powersOfTen[decimalExponent] : value / powersOfTen[-decimalExponent]
        } else {
            magnitude = parseLong(bytes, decimalMark: decimalMark, exponent: decimalExponent)
        }
        return negative ? -magnitude : magnitude
    }

    /// Adds one digit to the mantissa; leading zeros are not significant, and digits past the
    /// 19th are only counted (such numbers go to ``parseLong(_:decimalMark:exponent:)``).
    @inline(__always)
    private static func accumulate(_ digit: UInt8, into mantissa: inout UInt64, significantDigits: inout Int) {
        if significantDigits == 0, digit == 0 { return }
        if significantDigits < 19 { mantissa = mantissa &* 10 &+ UInt64(digit) }
        significantDigits += 1
    }

    /// The width of a thousands separator at `index` (1 byte, or 2–3 for no-break spaces), if one is there.
    private static func separatorWidth(_ bytes: ArraySlice<UInt8>, at index: Int, decimalMark: UInt8) -> Int? {
        let byte = bytes[index]
        let other = decimalMark == UInt8(ascii: ".") ? UInt8(ascii: ",") : UInt8(ascii: ".")
        if byte == other || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "'") { return 1 }
        if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF { return 3 }
        return nil
    }

    /// The magnitude of a validated number too long for the exact fast path: its digits (signs,
    /// separators and the decimal mark left out) times 10^`exponent`, by the standard library's
    /// correctly rounded parser.
    private static func parseLong(_ bytes: ArraySlice<UInt8>, decimalMark: UInt8, exponent: Int) -> Double {
        var text = ""
        for byte in bytes {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { break }
            if byte &- 0x30 < 10 { text.unicodeScalars.append(Unicode.Scalar(byte)) }
        }
        text += "e\(exponent)"
        return Double(text) ?? .infinity
    }
}
