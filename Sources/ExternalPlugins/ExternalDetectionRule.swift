import FormatKit

/// How an external plugin's inputs are recognised, declared in its `describe` answer so
/// that detection never starts a process.
///
/// Every condition given must hold: `magic` (hex bytes the decompressed input starts with)
/// and `firstLine` (a regular expression the first non-blank line of the text must match).
/// A match has the declared `confidence` (default 0.8). A plugin that declares no condition
/// is only ever `unsure`, and only when the file name has one of its extensions.
struct ExternalDetectionRule: Sendable, Decodable {
    var magic: String?
    var firstLine: String?
    var confidence: Double?

    static let defaultConfidence = 0.8

    /// What is wrong with the rule, if anything.
    var problem: String? {
        if let magic, magicBytes(magic) == nil { return "detect.magic '\(magic)' is not an even number of hex digits" }
        if let firstLine, (try? Regex(firstLine)) == nil { return "detect.firstLine '\(firstLine)' is not a valid regular expression" }
        if let firstLine, let reason = PatternSafety.problem(in: firstLine) { return "detect.firstLine '\(firstLine)' is refused: \(reason)" }
        if let confidence, !(confidence > 0 && confidence <= 1) { return "detect.confidence must be in (0, 1]" }
        return nil
    }

    /// The rule's verdict on a prefix.
    func verdict(on prefix: InputPrefix, format: FormatDescription, executableName: String) -> Detection {
        var reasons: [String] = []
        if let magic, let bytes = magicBytes(magic) {
            guard prefix.bytes.starts(with: bytes) else { return .noMatch }
            reasons.append("starts with bytes \(magic)")
        }
        if let firstLine, let pattern = try? Regex(firstLine) {
            guard let line = prefix.firstNonBlankLines(1).first, PatternSafety.subject(line).firstMatch(of: pattern) != nil else {
                return .noMatch
            }
            reasons.append("first line matches /\(firstLine)/")
        }
        guard !reasons.isEmpty else {
            return format.matchesExtension(of: prefix.fileName)
                ? .unsure(reason: "file extension only (\(executableName) declares no detection rule)") : .noMatch
        }
        return .match(confidence: confidence ?? Self.defaultConfidence,
                      reason: reasons.joined(separator: " and ") + " (rule of \(executableName))")
    }

    private func magicBytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
