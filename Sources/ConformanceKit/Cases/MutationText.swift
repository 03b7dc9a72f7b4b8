import FormatKit

/// A case's text as code units of its encoding, so that the text mutations edit characters and
/// line breaks rather than bytes, and write the result back in the same encoding: a UTF-16 case
/// gets UTF-16 line breaks and a UTF-16 byte order mark.
///
/// The encoding is the one a byte order mark names, else the one the plugin declares for its
/// input (``FormatKit/FormatDescription/textEncoding``), else an 8-bit one (UTF-8 or
/// Windows-1252, where a line break is one byte either way).
struct MutationText {
    private enum Width { case byte, utf16LE, utf16BE }

    /// The byte order mark the case starts with (empty when it has none).
    let bom: [UInt8]
    /// The text after the byte order mark, one code unit per element.
    var units: [UInt16]
    /// A last byte that completes no UTF-16 code unit, kept as it was.
    private let trailing: [UInt8]
    private let width: Width
    private let declared: TextEncoding?

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(_ bytes: [UInt8], declared: TextEncoding?) {
        self.declared = declared
        if bytes.starts(with: Self.utf8BOM) {
            (bom, width) = (Self.utf8BOM, .byte)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            (bom, width) = ([0xFF, 0xFE], .utf16LE)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            (bom, width) = ([0xFE, 0xFF], .utf16BE)
        } else {
            bom = []
            width = declared == .utf16LE ? .utf16LE : declared == .utf16BE ? .utf16BE : .byte
        }
        let body = Array(bytes.dropFirst(bom.count))
        switch width {
        case .byte:
            units = body.map(UInt16.init)
            trailing = []
        case .utf16LE, .utf16BE:
            let littleEndian = width == .utf16LE
            units = (0..<body.count / 2).map { index in
                let (first, second) = (UInt16(body[2 * index]), UInt16(body[2 * index + 1]))
                return littleEndian ? first | second << 8 : first << 8 | second
            }
            trailing = Array(body.suffix(body.count % 2))
        }
    }

    /// The byte order mark of the text's encoding; `nil` for Windows-1252, which has none.
    var encodingBOM: [UInt8]? {
        switch width {
        case .byte: declared == .windows1252 ? nil : Self.utf8BOM
        case .utf16LE: [0xFF, 0xFE]
        case .utf16BE: [0xFE, 0xFF]
        }
    }

    /// `units` written in the text's encoding after `bom`.
    func encoded(bom: [UInt8], units: [UInt16]) -> [UInt8] {
        var bytes = bom
        bytes.reserveCapacity(bom.count + units.count * (width == .byte ? 1 : 2) + trailing.count)
        for unit in units {
            switch width {
            case .byte: bytes.append(UInt8(truncatingIfNeeded: unit))
            case .utf16LE: bytes += [UInt8(truncatingIfNeeded: unit), UInt8(truncatingIfNeeded: unit >> 8)]
            case .utf16BE: bytes += [UInt8(truncatingIfNeeded: unit >> 8), UInt8(truncatingIfNeeded: unit)]
            }
        }
        return bytes + trailing
    }
}
