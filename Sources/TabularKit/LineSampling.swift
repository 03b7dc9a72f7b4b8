import FormatKit

/// Reads the first lines of an input for sniffing, with the same Windows-1252 fallback as
/// ``RecordReader``, never holding more than about `maxBytes` of text (a file that is one huge
/// line gives at most that much of it).
enum LineSampling {
    /// Up to `maxLines` complete lines (and about `maxBytes` bytes) from the start of `input`.
    static func firstLines(of input: ImportInput, maxLines: Int = 200, maxBytes: Int = 8 << 20) throws(ImportError) -> [[UInt8]] {
        let stream = try input.openText()
        var text: [UInt8] = []
        var newlines = 0
        var finished = false
        while newlines <= maxLines, text.count < maxBytes {
            let chunk = try stream.read(maxCount: 1 << 16)
            if chunk.isEmpty { finished = true; break }
            newlines += chunk.lazy.filter { $0 == 0x0A || $0 == 0x0D }.count
            text += chunk
        }
        var lines: [[UInt8]] = []
        var start = 0
        var index = 0
        while index < text.count, lines.count < maxLines {
            let byte = text[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(Array(text[start..<index]))
                if byte == 0x0D, index + 1 < text.count, text[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        // The text after the last line break is a whole line only at the end of the input.
        if lines.count < maxLines, start < text.count, finished || lines.isEmpty {
            lines.append(Array(text[start...]))
        }
        return lines.map { line in
            input.encoding == nil && !TextCells.isValidUTF8(line) ? TextDecodingStream.windows1252ToUTF8(line) : line
        }
    }
}
