/// Reading JSON strings: finding the closing quote across chunks, checking UTF-8 and
/// control characters, then decoding escapes.
extension JSONReader {
    /// Why the fast scan of a string stopped.
    private enum StringScanStop {
        case closingQuote
        case needMoreInput
        case controlCharacter
        case invalidUTF8
        case invalidEscape
    }

    /// Reads the string whose opening quote is at `index` and leaves `index` after its
    /// closing quote. The whole string stays buffered until it is decoded, so its length is
    /// bounded by ``JSONReaderLimits/maxStringBytes``.
    mutating func scanString() throws(JSONReadError) -> String {
        var quote = index
        let startPosition = position(at: quote)
        var scan = quote + 1
        var hasEscapes = false
        while true {
            var continuationBytes = lineContinuationBytes
            let stop = buffer.withUnsafeBufferPointer { bytes -> StringScanStop in
                while scan < bytes.count {
                    let byte = bytes[scan]
                    if byte == UInt8(ascii: "\"") { return .closingQuote }
                    if byte == UInt8(ascii: "\\") {
                        guard scan + 1 < bytes.count else { return .needMoreInput }
                        guard Self.isEscapeLetter(bytes[scan + 1]) else { return .invalidEscape }
                        hasEscapes = true
                        scan += 2
                        continue
                    }
                    if byte < 0x20 { return .controlCharacter }
                    if byte < 0x80 {
                        scan += 1
                        continue
                    }
                    switch Self.utf8SequenceLength(bytes, at: scan) {
                    case nil: return .needMoreInput
                    case 0?: return .invalidUTF8
                    case let length?:
                        continuationBytes += length - 1
                        scan += length
                    }
                }
                return .needMoreInput
            }
            lineContinuationBytes = continuationBytes
            switch stop {
            case .closingQuote:
                index = scan + 1
                guard scan - quote - 1 <= limits.maxStringBytes else { throw stringTooLong(at: startPosition) }
                if hasEscapes { return try decodeEscapes(quote: quote, end: scan, startPosition: startPosition) }
                return buffer.withUnsafeBufferPointer {
                    String(decoding: UnsafeBufferPointer(rebasing: $0[(quote + 1)..<scan]), as: UTF8.self)
                }
            case .needMoreInput:
                guard scan - quote - 1 <= limits.maxStringBytes else { throw stringTooLong(at: startPosition) }
                guard let shift = try refill(keepingFrom: quote) else {
                    throw .unexpectedEnd(inside: "the string starting at \(startPosition)", at: position(at: buffer.count))
                }
                quote -= shift
                scan -= shift
            case .controlCharacter:
                throw .controlCharacter(buffer[scan], at: position(at: scan))
            case .invalidUTF8:
                throw .invalidUTF8(at: position(at: scan))
            case .invalidEscape:
                throw .invalidEscape(escapeText(from: scan, to: scan + 2), at: position(at: scan))
            }
        }
    }

    private func stringTooLong(at start: JSONPosition) -> JSONReadError {
        .limitExceeded("a string longer than \(limits.maxStringBytes) bytes", at: start)
    }

    /// Decodes the escapes of the string between the quotes at `quote` and `end`; the bytes
    /// between are known to be valid UTF-8 and every backslash to start a known escape.
    private func decodeEscapes(quote: Int, end: Int, startPosition: JSONPosition) throws(JSONReadError) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(end - quote)
        var cursor = quote + 1
        while cursor < end {
            let byte = buffer[cursor]
            guard byte == UInt8(ascii: "\\") else {
                decoded.append(byte)
                cursor += 1
                continue
            }
            let letter = buffer[cursor + 1]
            guard letter == UInt8(ascii: "u") else {
                decoded.append(Self.escapedByte(letter))
                cursor += 2
                continue
            }
            guard let unit = hexQuad(at: cursor + 2, end: end) else {
                throw .invalidEscape(escapeText(from: cursor, to: min(cursor + 6, end)),
                                     at: escapePosition(cursor, quote: quote, start: startPosition))
            }
            var scalarValue = UInt32(unit)
            var length = 6
            if (0xD800...0xDBFF).contains(unit) {
                let low = buffer[cursor + 6 ..< min(cursor + 8, end)].elementsEqual([UInt8(ascii: "\\"), UInt8(ascii: "u")])
                    ? hexQuad(at: cursor + 8, end: end) : nil
                guard let low, (0xDC00...0xDFFF).contains(low) else {
                    throw .invalidEscape(escapeText(from: cursor, to: cursor + 6) + " (a high surrogate without its low half)",
                                         at: escapePosition(cursor, quote: quote, start: startPosition))
                }
                scalarValue = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
                length = 12
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw .invalidEscape(escapeText(from: cursor, to: cursor + 6) + " (a low surrogate without its high half)",
                                     at: escapePosition(cursor, quote: quote, start: startPosition))
            }
            // Every value outside the surrogate range is a Unicode scalar.
            UTF8.encode(Unicode.Scalar(scalarValue)!) { decoded.append($0) }
            cursor += length
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The four hex digits at `start` as a number, when all four are there before `end`.
    private func hexQuad(at start: Int, end: Int) -> UInt16? {
        guard start + 4 <= end else { return nil }
        var value: UInt16 = 0
        for byte in buffer[start..<(start + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// The position of an escape inside the string whose quote is at buffer index `quote`.
    private func escapePosition(_ cursor: Int, quote: Int, start: JSONPosition) -> JSONPosition {
        let scalarsBefore = buffer[quote..<cursor].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return JSONPosition(line: start.line, column: start.column + scalarsBefore, offset: start.offset + cursor - quote)
    }

    /// The escape as written, for messages (`\x`, `\u12G4`).
    private func escapeText(from start: Int, to end: Int) -> String {
        String(decoding: buffer[start..<min(end, buffer.count)], as: UTF8.self)
    }

    /// Whether `byte` may follow a backslash: `" \ / b f n r t u`.
    private static func isEscapeLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "u"):
            true
        default:
            false
        }
    }

    /// The byte a one-letter escape stands for.
    private static func escapedByte(_ letter: UInt8) -> UInt8 {
        switch letter {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: letter
        }
    }

    /// The length of the well-formed UTF-8 sequence whose lead byte (≥ 0x80) is at `start`:
    /// 2–4, `0` when malformed, `nil` when the buffer ends before the sequence can be judged.
    /// Follows the Unicode Standard's table of well-formed byte sequences (no overlong forms,
    /// no surrogates, nothing above U+10FFFF).
    private static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let lead = bytes[start]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        for offset in 1..<length {
            guard start + offset < bytes.count else { return nil }
            let byte = bytes[start + offset]
            guard offset == 1 ? secondRange.contains(byte) : (byte & 0xC0 == 0x80) else { return 0 }
        }
        return length
    }
}
