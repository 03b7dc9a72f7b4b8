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
    /// file that has one, CRLF on a file that already uses it).
    public func apply(to bytes: [UInt8]) -> [UInt8]? {
        let mutated: [UInt8]?
        switch self {
        case .crlf:
            mutated = Self.withCRLF(bytes)
        case .byteOrderMark:
            mutated = bytes.starts(with: Self.bom) ? nil : Self.bom + bytes
        case .noFinalNewline:
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
            mutated = Array(bytes[..<end])
        case .trailingBlankLines:
            let newline: [UInt8] = bytes.contains(0x0D) ? [0x0D, 0x0A] : [0x0A]
            let terminated = bytes.last == 0x0A || bytes.isEmpty ? bytes : bytes + newline
            mutated = terminated + newline + newline + newline
        case .gzip:
            mutated = GzipCompression.compress(bytes)
        case .truncated(let offset):
            mutated = Array(bytes.prefix(offset))
        }
        return mutated == bytes ? nil : mutated
    }

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Rewrites every `\n` not already preceded by `\r` as `\r\n`.
    private static func withCRLF(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 16)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A && previous != 0x0D { result.append(0x0D) }
            result.append(byte)
            previous = byte
        }
        return result
    }
}
