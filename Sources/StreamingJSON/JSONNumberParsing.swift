/// A number's value without its text, as the bulk readers produce it.
struct ParsedNumber {
    var double: Double
    var int64: Int64?
    var isIntegerLiteral: Bool
}

/// Reading JSON numbers: checking the grammar and converting in one pass over the buffer,
/// starting over when a number runs into the next chunk.
extension JSONReader {
    /// Reads the number starting at `index` with its text.
    mutating func scanNumber() throws(JSONReadError) -> JSONNumber {
        let (parsed, start) = try scanNumberValue()
        return buffer.withUnsafeBufferPointer { JSONNumber(text: UnsafeBufferPointer(rebasing: $0[start..<index]), parsed: parsed) }
    }

    /// Reads the number starting at `index`, leaves `index` after it, and returns its value
    /// and the buffer index where its text starts (valid until the next read).
    mutating func scanNumberValue() throws(JSONReadError) -> (ParsedNumber, start: Int) {
        var start = index
        while true {
            let (parsed, end) = buffer.withUnsafeBufferPointer { NumberGrammar.parse($0, from: start) }
            guard end - start <= limits.maxNumberBytes else {
                throw .limitExceeded("a number longer than \(limits.maxNumberBytes) bytes", at: position(at: start))
            }
            // A number that runs to the end of the buffer may go on in the next chunk.
            if end == buffer.count, let shift = try refill(keepingFrom: start) {
                start -= shift
                continue
            }
            guard let parsed else {
                if end - start == 1, end < buffer.count, buffer[end] == UInt8(ascii: "I") {
                    try rejectNonFiniteLiteral()
                }
                throw .invalidNumber(numberText(start..<end), at: position(at: start))
            }
            guard parsed.double.isFinite else { throw .nonFiniteNumber(numberText(start..<end), at: position(at: start)) }
            index = end
            return (parsed, start)
        }
    }

    private func numberText(_ range: Range<Int>) -> String {
        String(decoding: buffer[range], as: UTF8.self)
    }
}

/// JSON's number grammar (RFC 8259 §6) and the conversion to `Double` and `Int64`.
enum NumberGrammar {
    /// Exact powers of ten: every one up to 10²² is representable in a `Double`.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses the number at `start`: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// Returns the value, or `nil` when the run of number characters (`0-9 + - . e E`)
    /// starting there breaks the grammar, and where that run ends. The `Double` may be
    /// infinite when the number overflows.
    ///
    /// Up to 19 significant digits are gathered into an integer mantissa `m` with a decimal
    /// exponent `e`. When `m ≤ 2⁵³` and `|e| ≤ 22`, both `m` and `10^|e|` are exact doubles,
    /// so one multiplication or division gives the correctly rounded result (Clinger's fast
    /// path). Anything else goes to the standard library's correctly rounded decimal parser.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (ParsedNumber?, end: Int) {
        let count = bytes.count
        var cursor = start

        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        /// The end of the number-character run from `position`, and `nil` for the value,
        /// when the grammar is broken at `position`.
        func malformed(at position: Int) -> (ParsedNumber?, end: Int) {
            var end = position
            while end < count, isNumberByte(bytes[end]) { end += 1 }
            return (nil, end)
        }

        let negative = cursor < count && bytes[cursor] == UInt8(ascii: "-")
        if negative { cursor += 1 }
        guard cursor < count else { return malformed(at: cursor) }

        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var digitsDropped = false

        if bytes[cursor] == UInt8(ascii: "0") {
            cursor += 1
        } else if isDigit(bytes[cursor]) {
            while cursor < count, isDigit(bytes[cursor]) {
                if significantDigits < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[cursor] &- UInt8(ascii: "0"))
                    significantDigits += 1
                } else {
                    digitsDropped = true
                    exponent += 1
                }
                cursor += 1
            }
        } else {
            return malformed(at: cursor)
        }

        var isIntegerLiteral = true
        if cursor < count, bytes[cursor] == UInt8(ascii: ".") {
            isIntegerLiteral = false
            cursor += 1
            let fractionStart = cursor
            while cursor < count, isDigit(bytes[cursor]) {
                let digit = bytes[cursor] &- UInt8(ascii: "0")
                if significantDigits < 19 {
                    if mantissa != 0 || digit != 0 { significantDigits += 1 }
                    mantissa = mantissa * 10 + UInt64(digit)
                    exponent -= 1
                } else {
                    digitsDropped = true
                }
                cursor += 1
            }
            guard cursor > fractionStart else { return malformed(at: cursor) }
        }

        if cursor < count, bytes[cursor] == UInt8(ascii: "e") || bytes[cursor] == UInt8(ascii: "E") {
            isIntegerLiteral = false
            cursor += 1
            var exponentNegative = false
            if cursor < count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") {
                exponentNegative = bytes[cursor] == UInt8(ascii: "-")
                cursor += 1
            }
            let digitsStart = cursor
            var written = 0
            while cursor < count, isDigit(bytes[cursor]) {
                // Saturate: beyond 10⁶ every double is infinite or zero anyway.
                if written < 1_000_000 { written = written * 10 + Int(bytes[cursor] &- UInt8(ascii: "0")) }
                cursor += 1
            }
            guard cursor > digitsStart else { return malformed(at: cursor) }
            exponent += exponentNegative ? -written : written
        }
        if cursor < count, isNumberByte(bytes[cursor]) { return malformed(at: cursor) }

        var int64: Int64?
        if isIntegerLiteral, !digitsDropped {
            if !negative, mantissa <= UInt64(Int64.max) {
                int64 = Int64(mantissa)
            } else if negative, mantissa <= UInt64(Int64.max) + 1 {
                int64 = mantissa == UInt64(Int64.max) + 1 ? Int64.min : -Int64(mantissa)
            }
        }

        let double: Double
        if mantissa == 0 {
            double = negative ? -0.0 : 0.0
        } else if !digitsDropped, mantissa <= 1 << 53, (-22...22).contains(exponent) {
            let magnitude = exponent >= 0 ? Double(mantissa) * exactPowersOfTen[exponent]
                                          : Double(mantissa) / exactPowersOfTen[-exponent]
            double = negative ? -magnitude : magnitude
        } else {
            // The text is valid JSON, which the standard library's parser always accepts.
            double = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)) ?? .nan
        }
        return (ParsedNumber(double: double, int64: int64, isIntegerLiteral: isIntegerLiteral), cursor)
    }

    /// The bytes a number's text may hold; anything else ends it.
    static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default:
            false
        }
    }
}
