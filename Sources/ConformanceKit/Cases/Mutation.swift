import FormatKit
/// A change to a valid case's bytes after which the plugin must still read the same profile
/// (or, for truncations, fail with a typed error).
public enum Mutation: Sendable, Hashable {
    /// Every line ending becomes `\r\n`.
    case crlf
    /// A UTF-8 byte order mark in front.
    case byteOrderMark
    /// The final line ending(s) removed.
    case noFinalNewline
    /// Three blank lines appended.
    case trailingBlankLines
    /// The whole input gzip-compressed.
    case gzip
    /// The input cut after this many bytes.
    case truncated(at: Int)

    /// The mutations that only make sense for text.
    public static let textMutations: [Mutation] = [.crlf, .byteOrderMark, .noFinalNewline, .trailingBlankLines]

    /// How reports name the mutation: `crlf`, `bom`, `truncated@120`.
    public var name: String {
        switch self {
        case .crlf: "crlf"
        case .byteOrderMark: "bom"
        case .noFinalNewline: "no-final-newline"
        case .trailingBlankLines: "trailing-blank-lines"
        case .gzip: "gzip"
        case .truncated(let offset): "truncated@\(offset)"
        }
    }

    /// Whether the mutated input must still import to the golden (truncations need not).
    public var preservesProfile: Bool {
        if case .truncated = self { return false }
        return true
    }

    /// The mutations for an input of this size: the text ones unless the format is binary,
    /// gzip, and cuts after the first byte, a quarter, half, three quarters and all but the last byte.
    public static func battery(forSize size: Int, binary: Bool) -> [Mutation] {
        var offsets: [Int] = []
        for offset in [1, size / 4, size / 2, size * 3 / 4, size - 1] where offset > 0 && offset < size && !offsets.contains(offset) {
            offsets.append(offset)
        }
        return (binary ? [] : textMutations) + [.gzip] + offsets.map { .truncated(at: $0) }
    }

    /// The mutated bytes; `nil` when the mutation would not change this input (a BOM on a
    /// file that has one, CRLF on a file that already uses it). The text mutations edit the
    /// decoded text and write it back in its encoding: a byte order mark's, else `encoding`
    /// (the plugin's declared one), else UTF-8 (see ``MutationText``).
    public func apply(to bytes: [UInt8], encoding: TextEncoding? = nil) -> [UInt8]? {
        let mutated: [UInt8]?
        switch self {
        case .gzip:
            mutated = GzipCompression.compress(bytes)
        case .truncated(let offset):
            mutated = Array(bytes.prefix(offset))
        case .crlf, .byteOrderMark, .noFinalNewline, .trailingBlankLines:
            mutated = applyToText(MutationText(bytes, declared: encoding))
        }
        return mutated == bytes ? nil : mutated
    }

    private func applyToText(_ text: MutationText) -> [UInt8]? {
        let (lineFeed, carriageReturn): (UInt16, UInt16) = (0x0A, 0x0D)
        let units = text.units
        switch self {
        case .crlf:
            var result: [UInt16] = []
            result.reserveCapacity(units.count + units.count / 16)
            var previous: UInt16 = 0
            for unit in units {
                if unit == lineFeed && previous != carriageReturn { result.append(carriageReturn) }
                result.append(unit)
                previous = unit
            }
            return text.encoded(bom: text.bom, units: result)
        case .byteOrderMark:
            guard text.bom.isEmpty, let bom = text.encodingBOM else { return nil }
            return text.encoded(bom: bom, units: units)
        case .noFinalNewline:
            var end = units.count
            while end > 0, units[end - 1] == lineFeed || units[end - 1] == carriageReturn { end -= 1 }
            return text.encoded(bom: text.bom, units: Array(units[..<end]))
        case .trailingBlankLines:
            let newline: [UInt16] = units.contains(carriageReturn) ? [carriageReturn, lineFeed] : [lineFeed]
            let terminated = units.last == lineFeed || units.isEmpty ? units : units + newline
            return text.encoded(bom: text.bom, units: terminated + newline + newline + newline)
        case .gzip, .truncated:
            return nil
        }
    }
}
