internal import CLibXML2

/// Process-wide libxml2 settings, applied once before the first parser is made.
///
/// The external entity loader is replaced by one that loads nothing, so that even a code
/// path that asks libxml2 for an external DTD or entity (none of ours does) cannot reach a
/// file or the network; libxml2's default handlers, which print errors to stderr, are
/// silenced, because each reader and schema collects its own errors.
enum LibXML {
    private static let prepared: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        mhub_xml_silence_generic_errors()
        return true
    }()

    /// Applies the settings (once; later calls do nothing).
    static func prepare() {
        precondition(prepared)
    }

    /// The parser options every reader uses: no network, no DTD loading, no entity
    /// substitution, no XInclude, no lifted limits; CDATA sections read as text.
    static let safeOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
}

/// The first error libxml2 reported to one reader or schema parser.
final class XMLErrorRecorder {
    struct Recorded {
        var message: String
        var line: Int?
        /// Whether a schema validator (rather than the parser) reported it.
        var isValidity: Bool
    }

    private(set) var first: Recorded?

    /// The C callback libxml2 calls; `context` is an unretained recorder.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<XMLErrorRecorder>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
    }

    private func record(_ error: xmlError) {
        guard first == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let text = error.message.map { String(cString: $0) } ?? ""
        let trimmed = text.split(whereSeparator: \.isNewline).joined(separator: " ").split(separator: " ").joined(separator: " ")
        let message = trimmed.isEmpty ? "malformed XML" : trimmed
        first = Recorded(message: message, line: error.line > 0 ? Int(error.line) : nil,
                         isValidity: error.domain == Int32(XML_FROM_SCHEMASV.rawValue))
    }

    var unretainedPointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
