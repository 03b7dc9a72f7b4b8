import FormatKit

/// The first lines of an input as table sniffing reads them: the lines of its one
/// ``FormatKit/InputPrefix`` (the same ones detection saw), with the Windows-1252 fallback of
/// ``RecordReader`` for lines that are not UTF-8, so that sniffing and reading agree on every cell.
enum SampledLines {
    /// The prefix's lines; `fallback` is off when the user forced an encoding.
    /// A JSON document has no table lines.
    static func of(_ prefix: InputPrefix, fallback: Bool = true) -> [[UInt8]] {
        if prefix.startsWithJSONContainer { return [] }
        return prefix.lineBytes.map { line in
            fallback && !TextCells.isValidUTF8(line) ? TextDecodingStream.windows1252ToUTF8(Array(line)) : Array(line)
        }
    }
}
