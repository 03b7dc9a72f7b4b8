import Foundation

/// The bounded start of an input: what detectors look at, and what readers that sniff (a
/// table's dialect and header line) read their first lines from. It is taken once per import
/// (``ImportInput/prefix()``) and kept with the input, so detection and reading see the same
/// lines and the file is sniffed once.
public struct InputPrefix: Sendable {
    /// How much of an input a prefix takes.
    public struct Limits: Sendable, Hashable {
        /// Decompressed bytes kept for binary signatures (``InputPrefix/bytes``) and the length of ``InputPrefix/text``.
        public var bytes: Int
        /// Lines sampled: the text is read on until this many complete lines …
        public var lines: Int
        /// … or this many decoded bytes (a file that is one huge line gives at most this much of it).
        public var textBytes: Int

        public init(bytes: Int = 64 * 1024, lines: Int = 200, textBytes: Int = 8 << 20) {
            self.bytes = bytes
            self.lines = lines
            self.textBytes = max(textBytes, bytes)
        }

        /// 64 KiB for detectors; up to 200 lines or 8 MiB of text for sniffing readers.
        public static let standard = Limits()
    }

    /// How many decompressed bytes detectors see by default.
    public static let defaultSize = Limits.standard.bytes

    /// The file name (last path component), for extension rules.
    public let fileName: String
    /// Decompressed bytes, not text-decoded (binary magic numbers live here), at most ``Limits/bytes``.
    public let bytes: [UInt8]
    /// The start of the decoded text (BOM removed, UTF-16 transcoded), at most ``Limits/bytes``
    /// of it, repaired where it is not valid UTF-8.
    public let text: String
    /// Whether the sample reached the end of the input.
    public let isComplete: Bool
    /// The sampled lines as decoded bytes, without terminators and not repaired (readers apply
    /// their own fallback for lines that are not UTF-8); a line cut by the limits is left out.
    public let lineBytes: [ArraySlice<UInt8>]
    /// The same lines as text, repaired where they are not valid UTF-8.
    ///
    /// Split on the UTF-8 bytes rather than by characters: `\n` and `\r` always end a character
    /// (Unicode's grapheme rules break around them), so the lines are the same.
    public let lines: [Substring]
    /// What detectors derived from this prefix, shared so that several of them (every tabular
    /// format sniffs the same dialect) work it out once.
    private let derived = DerivedValues()

    /// A prefix of `text` (tests, and inputs held in memory).
    public init(fileName: String, bytes: [UInt8], text: String, isComplete: Bool) {
        self.init(fileName: fileName, bytes: bytes, sample: Array(text.utf8), textLength: text.utf8.count,
                  isComplete: isComplete, maxLines: Limits.standard.lines)
    }

    /// A prefix of decoded `sample` text whose first `textLength` bytes are ``text``.
    init(fileName: String, bytes: [UInt8], sample: [UInt8], textLength: Int, isComplete: Bool, maxLines: Int) {
        self.fileName = fileName
        self.bytes = bytes
        self.isComplete = isComplete
        text = String(decoding: sample.prefix(textLength), as: UTF8.self)
        var split = Self.split(sample, maxLines: maxLines)
        // The text after the last line break is a whole line only at the end of the input; a
        // first line longer than the whole sample (a one-line JSON document of many megabytes)
        // is no line either, so line-based detectors do not split megabytes of it.
        if !isComplete, split.last?.endIndex == sample.endIndex { split.removeLast() }
        if split.last?.isEmpty == true { split.removeLast() }
        lineBytes = split
        lines = split.map { Substring(String(decoding: $0, as: UTF8.self)) }
    }

    /// Lines of `text` without their `\n`, `\r\n` or `\r` terminators, at most `maxLines`.
    private static func split(_ text: [UInt8], maxLines: Int) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < text.count, result.count < maxLines {
            let byte = text[index]
            if byte == 0x0A || byte == 0x0D {
                result.append(text[start..<index])
                if byte == 0x0D, index + 1 < text.count, text[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if result.count < maxLines, start < text.count { result.append(text[start...]) }
        return result
    }

    /// The value `make` derives from this prefix, computed once per `key` and shared by every
    /// detector and reader that asks for it with the same key.
    public func derived<Key: Hashable & Sendable, Value: Sendable>(_ key: Key, _ make: () -> Value) -> Value {
        derived.value(for: key, make)
    }

    /// The first `count` lines that are not blank.
    public func firstNonBlankLines(_ count: Int) -> [Substring] {
        Array(lines.lazy.filter { !$0.allSatisfy(\.isWhitespace) }.prefix(count))
    }
}

extension InputPrefix {
    /// Whether the decoded sample is binary data rather than text: it holds a NUL character, or
    /// more than 5 % of its characters are control characters other than tab, line feed,
    /// carriage return and form feed (text in any encoding has next to none; 300 random bytes
    /// have about 13 %). Text detectors leave such an input alone, so that junk is never read
    /// as a one-row table.
    public var looksBinary: Bool {
        derived(BinaryKey()) {
            var controls = 0, total = 0
            for scalar in text.unicodeScalars {
                total += 1
                switch scalar.value {
                case 0: return true
                case 0x09, 0x0A, 0x0C, 0x0D: break
                case 0x01...0x1F, 0x7F...0x9F: controls += 1
                default: break
                }
            }
            return total > 0 && controls * 20 > total
        }
    }

    /// Whether the text starts, after white space, with `{` or `[`: a JSON document (BIOM 1.0,
    /// profile JSON, a vendor export) rather than a delimited table. Table detectors leave such
    /// an input alone without splitting its lines, which for a one-line JSON file of many
    /// megabytes would cost seconds.
    public var startsWithJSONContainer: Bool {
        guard let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}

/// The key of ``InputPrefix/looksBinary`` among the derived values.
private struct BinaryKey: Hashable, Sendable {}

/// Values derived from one prefix, keyed by what derived them. Detectors run one after the
/// other, but the prefix is a shared value, so the store is locked.
private final class DerivedValues: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [AnyHashable: any Sendable] = [:]

    func value<Key: Hashable & Sendable, Value: Sendable>(for key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let stored = values[AnyHashable(key)], let known = stored as? Value {
            lock.unlock()
            return known
        }
        lock.unlock()
        let value = make()
        lock.lock()
        values[AnyHashable(key)] = value
        lock.unlock()
        return value
    }
}

extension InputPrefix {
    /// This prefix's raw ``bytes`` decoded as `encoding`: what a reader that forces that encoding
    /// sees (a descriptor that declares `utf-16le` for reports written without a BOM). Worked out
    /// once per encoding and shared by every detector that asks.
    public func decoded(as encoding: TextEncoding) -> InputPrefix {
        derived(DecodingKey(encoding: encoding)) {
            let stream = TextDecodingStream(source: MemoryByteStream(bytes), displayName: fileName, forced: encoding)
            var sample: [UInt8] = []
            // Bytes that do not decode end the sample, as they do for the input's own prefix.
            while let chunk = try? stream.read(maxCount: Limits.standard.bytes), !chunk.isEmpty { sample += chunk }
            return InputPrefix(fileName: fileName, bytes: bytes, sample: sample, textLength: sample.count,
                               isComplete: isComplete && bytes.count < Limits.standard.bytes,
                               maxLines: Limits.standard.lines)
        }
    }
}

/// The key of a prefix decoded as another encoding.
private struct DecodingKey: Hashable, Sendable {
    let encoding: TextEncoding
}
