/// Byte-level mutations of seed inputs, reproducible from a seed number: bit flips, bytes
/// and tokens that parsers find interesting, deleted, repeated and spliced ranges, truncation.
struct Mutator {
    /// Tokens that break number, string, nesting and encoding handling.
    static let tokens: [[UInt8]] = ["NaN", "-1", "1e400", "0x1F", "99999999999999999999", "\"", "[[[[[[[[", "{{{{", "\t\t\t",
                                    "\r\n", "\u{0}", "\u{1B}[2J", "%", ";;;", ",,,", "\u{FEFF}"].map { Array($0.utf8) }
        + [[0xFF, 0xFE], [0xC3], [0xED, 0xA0, 0x80]]
    static let interestingBytes: [UInt8] = [0x00, 0xFF, 0x7F, 0x80, 0x0A, 0x0D, 0x09, 0x22, 0x2C, 0x7B, 0x5B, 0x2D, 0x39, 0x30]

    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    /// One to four mutations of `seed`, some splicing in part of `other`.
    mutating func mutate(_ seed: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = seed
        for _ in 0...below(4) { bytes = mutateOnce(bytes, other: other) }
        return bytes
    }

    private mutating func mutateOnce(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        guard !bytes.isEmpty else { return Self.tokens[below(Self.tokens.count)] }
        let position = below(bytes.count)
        switch below(8) {
        case 0: bytes[position] ^= UInt8(1 << below(8))
        case 1: bytes[position] = Self.interestingBytes[below(Self.interestingBytes.count)]
        case 2: bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: position)
        case 3: bytes.removeSubrange(position..<min(bytes.count, position + 1 + below(64)))
        case 4:
            let end = min(bytes.count, position + 1 + below(256))
            bytes.insert(contentsOf: Array(bytes[position..<end]), at: end)
        case 5: bytes.removeSubrange(position...)
        case 6 where !other.isEmpty:
            let start = below(other.count)
            bytes.replaceSubrange(position..., with: other[start...])
        default:
            // A run of one byte, as long lines and cells are made of.
            bytes.insert(contentsOf: [UInt8](repeating: bytes[position], count: 1 + below(4_096)), at: position)
        }
        return bytes
    }
}
