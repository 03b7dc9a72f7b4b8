/// Turns a text byte stream into UTF-8: strips a UTF-8 BOM, transcodes UTF-16 (LE/BE, chosen
/// by its BOM or forced) and Windows-1252 (forced). UTF-8 passes through untouched.
public final class TextDecodingStream: ByteStream {
    private let source: any ByteStream
    private let displayName: String
    private var encoding: TextEncoding?
    private var started = false
    private var carry: [UInt8] = []
    private var pendingHighSurrogate: UInt16?
    private var bytesRead = 0

    /// Wraps `source`; `forced` overrides BOM detection.
    public init(source: any ByteStream, displayName: String, forced: TextEncoding? = nil) {
        self.source = source
        self.displayName = displayName
        self.encoding = forced
    }

    /// The encoding in use (known after the first read).
    public var detectedEncoding: TextEncoding? { encoding }

    /// The next decoded chunk; empty only at the real end of the input (a chunk that decodes
    /// to nothing, such as a lone BOM or half a surrogate pair, is followed by the next one).
    public func read(maxCount: Int) throws(ImportError) -> [UInt8] {
        while true {
            let (decoded, sourceEnded) = try decodeNextChunk(maxCount: maxCount)
            if !decoded.isEmpty || sourceEnded { return decoded }
        }
    }

    private func decodeNextChunk(maxCount: Int) throws(ImportError) -> ([UInt8], Bool) {
        let raw = try source.read(maxCount: maxCount)
        let ended = raw.isEmpty
        return (try decode(carry + raw, sourceEnded: ended), ended)
    }

    private func decode(_ input: [UInt8], sourceEnded: Bool) throws(ImportError) -> [UInt8] {
        var chunk = input
        carry = []
        if !started {
            started = true
            chunk = stripBOM(chunk)
        }
        defer { bytesRead += chunk.count }
        switch encoding ?? .utf8 {
        case .utf8:
            return chunk
        case .windows1252:
            return Self.windows1252ToUTF8(chunk)
        case .utf16LE, .utf16BE:
            if chunk.isEmpty {
                if pendingHighSurrogate != nil {
                    throw .encoding(SourceLocation(file: displayName, byteOffset: bytesRead),
                                    reason: "UTF-16 text ends inside a surrogate pair")
                }
                return []
            }
            if chunk.count % 2 == 1 {
                if sourceEnded {
                    throw .encoding(SourceLocation(file: displayName, byteOffset: bytesRead + chunk.count),
                                    reason: "UTF-16 text has an odd number of bytes")
                }
                carry = [chunk.removeLast()]
            }
            return try transcodeUTF16(chunk, littleEndian: encoding == .utf16LE)
        }
    }

    private func stripBOM(_ chunk: [UInt8]) -> [UInt8] {
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
            if encoding == nil { encoding = .utf8 }
            return Array(chunk.dropFirst(3))
        }
        if chunk.starts(with: [0xFF, 0xFE]), encoding == nil || encoding == .utf16LE {
            encoding = .utf16LE
            return Array(chunk.dropFirst(2))
        }
        if chunk.starts(with: [0xFE, 0xFF]), encoding == nil || encoding == .utf16BE {
            encoding = .utf16BE
            return Array(chunk.dropFirst(2))
        }
        return chunk
    }

    private func transcodeUTF16(_ chunk: [UInt8], littleEndian: Bool) throws(ImportError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(chunk.count)
        var index = 0
        while index < chunk.count {
            let unit = littleEndian ? UInt16(chunk[index]) | UInt16(chunk[index + 1]) << 8
                                    : UInt16(chunk[index]) << 8 | UInt16(chunk[index + 1])
            index += 2
            var scalar: UInt32
            if let high = pendingHighSurrogate {
                guard (0xDC00...0xDFFF).contains(unit) else {
                    throw .encoding(SourceLocation(file: displayName, byteOffset: bytesRead + index),
                                    reason: "unpaired UTF-16 surrogate")
                }
                scalar = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                pendingHighSurrogate = nil
            } else if (0xD800...0xDBFF).contains(unit) {
                pendingHighSurrogate = unit
                continue
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw .encoding(SourceLocation(file: displayName, byteOffset: bytesRead + index),
                                reason: "unpaired UTF-16 surrogate")
            } else {
                scalar = UInt32(unit)
            }
            Self.appendUTF8(scalar, to: &output)
        }
        return output
    }

    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Code points of Windows-1252 bytes 0x80–0x9F; the rest map to the same Latin-1 code point.
    /// Source: the WHATWG Encoding Standard's windows-1252 index.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Transcodes Windows-1252 bytes to UTF-8.
    public static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 { output.append(byte); continue }
            let scalar = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            appendUTF8(scalar, to: &output)
        }
        return output
    }
}
