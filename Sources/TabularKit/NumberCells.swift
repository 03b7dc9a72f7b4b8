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

    /// Tokens read as "no value" by default (R's `NA`, pandas' `NaN`, a dash).
    public static let defaultMissingTokens: Set<String> = ["NA", "N/A", "n/a", "na", "NaN", "nan", "-", "null", "NULL"]

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
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        if slice.starts(with: [0xC2, 0xA0]) { return trimSpaces(slice.dropFirst(2)) }
        if slice.count >= 2, slice[slice.endIndex - 2] == 0xC2, slice.last == 0xA0 { return trimSpaces(slice.dropLast(2)) }
        return slice
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses a number; `nil` when the bytes are not one.
    static func parse(_ bytes: ArraySlice<UInt8>, decimalMark: UInt8) -> Double? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        var decimalExponent = 0
        var sawDigit = false
        // Integer part, with thousands separators in groups of three.
        var groupLength = 0
        var sawSeparator = false
        while index < end {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte)
                sawDigit = true
                groupLength += 1
                index += 1
            } else if byte != decimalMark, let width = separatorWidth(bytes, at: index, decimalMark: decimalMark) {
                // A separator must follow 1–3 digits (first group) or exactly 3, and be followed by a digit.
                guard groupLength > 0, sawSeparator ? groupLength == 3 : groupLength <= 3 else { return nil }
                sawSeparator = true
                groupLength = 0
                index += width
                guard index < end, bytes[index] >= 0x30 && bytes[index] <= 0x39 else { return nil }
            } else {
                break
            }
        }
        if sawSeparator, groupLength != 3 { return nil }
        if index < end, bytes[index] == decimalMark {
            index += 1
            while index < end, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                digits.append(bytes[index])
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
            while index < end, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] - 0x30) }
                sawExponentDigit = true
                index += 1
            }
            guard sawExponentDigit else { return nil }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard index == end else { return nil }
        let magnitude = value(ofDigits: digits, exponent: decimalExponent)
        return negative ? -magnitude : magnitude
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

    /// digits × 10^exponent, correctly rounded: exact arithmetic when the digits fit in 2⁵³
    /// and the power of ten is exact, the standard library's parser otherwise.
    private static func value(ofDigits digits: [UInt8], exponent: Int) -> Double {
        var significant = digits[...]
        while significant.count > 1, significant.first == 0x30 { significant = significant.dropFirst() }
        if significant.count <= 15, abs(exponent) <= 22 {
            var mantissa: UInt64 = 0
            for digit in significant { mantissa = mantissa * 10 + UInt64(digit - 0x30) }
            let value = Double(mantissa)
            return exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
        }
        let text = String(decoding: significant, as: UTF8.self) + "e\(exponent)"
        return Double(text) ?? .infinity
    }
}
