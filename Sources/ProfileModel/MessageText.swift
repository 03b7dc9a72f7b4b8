/// Makes text taken from an input safe to print in a message: a crafted file must not be able
/// to send terminal escape sequences, move the cursor, or hide text behind bidirectional
/// overrides through an error or a warning.
///
/// C0 control characters (tabs and line breaks included, since an error or a warning is one
/// line), DEL, C1 control characters and the Unicode bidirectional marks, embeddings,
/// overrides and isolates become `\u{XX}` escapes; everything else, every non-ASCII letter
/// included, stays as it is. Escaping twice changes nothing more. Every error and warning
/// description goes through it, and so does every line `mhub` writes to standard error
/// (keeping the line breaks of its own multi-line messages).
public enum MessageText {
    /// `text` with every control and bidirectional-control character escaped; line feeds stay
    /// when `keepingLineBreaks`.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool { needsEscape(scalar) && !(keepingLineBreaks && scalar == "\n") }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            if escapes(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
