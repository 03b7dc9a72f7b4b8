import FormatKit

/// Reads the first lines of an input for sniffing, with the same Windows-1252 fallback as ``RecordReader``.
enum LineSampling {
    /// Up to `maxLines` lines (and about `maxBytes` bytes) from the start of `input`.
    static func firstLines(of input: ImportInput, maxLines: Int = 200, maxBytes: Int = 8 << 20) throws(ImportError) -> [[UInt8]] {
        var reader = try input.lines()
        var lines: [[UInt8]] = []
        var total = 0
        while lines.count < maxLines, total < maxBytes, let line = try reader.nextLine() {
            let decoded = input.encoding == nil && !TextCells.isValidUTF8(line)
                ? TextDecodingStream.windows1252ToUTF8(line) : line
            lines.append(decoded)
            total += line.count
        }
        return lines
    }
}
