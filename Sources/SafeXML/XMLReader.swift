internal import CLibXML2
import FormatKit

/// Streams an XML document with libxml2's `xmlTextReader`, one ``XMLEvent`` at a time, never
/// building a tree: memory stays at the reader's buffers plus the current node.
///
/// This is the only way the hub reads XML, and it is safe on hostile input:
/// - any document type declaration (`<!DOCTYPE …>`) is refused as soon as the reader reaches
///   it, so no DTD is loaded, no entity can be declared, and neither external entities (a
///   local file, a URL) nor entity-expansion bombs ("billion laughs", quadratic blow-up)
///   can be used; entity references other than the five predefined ones are errors;
/// - the parser runs with `XML_PARSE_NONET` and without entity substitution, DTD loading,
///   XInclude or `XML_PARSE_HUGE`, and the process-wide external entity loader loads nothing;
/// - ``XMLLimits`` bound the input size, nesting depth, text length and attribute count.
///
/// With a ``XMLSchema`` the document is validated while it streams (libxml2's XSD
/// validator); the first violation stops the reading with ``XMLError/schemaInvalid(_:reason:)``
/// and its line. Every error carries the file name and line.
public final class XMLReader {
    private let reader: xmlTextReaderPtr
    private let source: StreamSource
    private let recorder = XMLErrorRecorder()
    private let schema: XMLSchema?
    private let file: String
    private let limits: XMLLimits
    private var queued: XMLEvent?
    private var finished = false

    /// A reader of `stream` (UTF-8 or a declared encoding libxml2 knows); `file` names it in errors.
    public init(stream: any ByteStream, file: String, limits: XMLLimits = XMLLimits(),
                schema: XMLSchema? = nil) throws(XMLError) {
        LibXML.prepare()
        self.file = file
        self.limits = limits
        self.schema = schema
        source = StreamSource(stream: stream, maxBytes: limits.maxInputBytes)
        guard let made = xmlReaderForIO(StreamSource.read, nil, Unmanaged.passUnretained(source).toOpaque(),
                                        nil, nil, LibXML.safeOptions) else {
            throw source.failure(file: file) ?? .syntax(SourceLocation(file: file, line: 1), reason: "the input cannot be read as XML")
        }
        reader = made
        xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorRecorder.callback, recorder.unretainedPointer)
        if let schema, xmlTextReaderSetSchema(reader, schema.pointer) != 0 {
            throw .syntax(SourceLocation(file: file), reason: "the schema cannot be attached to the reader")
        }
    }

    deinit { xmlFreeTextReader(reader) }

    /// The next event, or `nil` after the root element has ended and the input is exhausted.
    public func next() throws(XMLError) -> XMLEvent? {
        if let event = queued {
            queued = nil
            return event
        }
        while !finished {
            let status = xmlTextReaderRead(reader)
            try checkFailures(status: status)
            guard status == 1 else {
                finished = true
                if schema != nil, xmlTextReaderIsValid(reader) != 1 {
                    throw .schemaInvalid(location(line: recorder.first?.line), reason: recorder.first?.message ?? "the document is not valid")
                }
                return nil
            }
            if let event = try event() { return event }
        }
        return nil
    }

    // MARK: - Nodes

    private func event() throws(XMLError) -> XMLEvent? {
        let line = currentLine
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let depth = Int(xmlTextReaderDepth(reader)) + 1
            guard depth <= limits.maxDepth else {
                throw .limitExceeded(location(line: line), limit: "elements nested deeper than \(limits.maxDepth) levels")
            }
            let start = XMLElementStart(name: text(xmlTextReaderConstLocalName(reader)),
                                        namespace: xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) },
                                        attributes: try attributes(line: line), line: line ?? 0)
            if xmlTextReaderIsEmptyElement(reader) == 1 { queued = .end(name: start.name) }
            return .start(start)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            return .end(name: text(xmlTextReaderConstLocalName(reader)))
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            let value = text(xmlTextReaderConstValue(reader))
            guard value.utf8.count <= limits.maxTextBytes else {
                throw .limitExceeded(location(line: line), limit: "a text longer than \(limits.maxTextBytes) bytes")
            }
            return .text(value, line: line ?? 0)
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            // libxml2 keeps no line for a DTD node; the byte source saw where it starts.
            throw .forbidden(location(line: source.doctypeLine ?? line), construct: "a document type declaration (<!DOCTYPE …>)")
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
            throw .forbidden(location(line: line), construct: "an entity reference")
        default:
            return nil  // comments, processing instructions, the XML declaration
        }
    }

    private func attributes(line: Int?) throws(XMLError) -> [XMLAttribute] {
        var attributes: [XMLAttribute] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            attributes.append(XMLAttribute(name: text(xmlTextReaderConstName(reader)), value: text(xmlTextReaderConstValue(reader))))
            guard attributes.count <= limits.maxAttributes else {
                throw .limitExceeded(location(line: line), limit: "an element with more than \(limits.maxAttributes) attributes")
            }
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }

    // MARK: - Failures and positions

    private func checkFailures(status: Int32) throws(XMLError) {
        if let failure = source.failure(file: file) { throw failure }
        // A DTD is refused whatever libxml2 made of it (it may have stumbled over the
        // entities it declares before reaching the node): the declaration is the problem.
        let isDoctype = status == 1 && xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue)
        if let line = source.doctypeLine, recorder.first != nil || status < 0 || isDoctype {
            throw .forbidden(location(line: line), construct: "a document type declaration (<!DOCTYPE …>)")
        }
        if let first = recorder.first {
            let place = location(line: first.line ?? currentLine)
            throw first.isValidity ? .schemaInvalid(place, reason: first.message) : .syntax(place, reason: first.message)
        }
        if status < 0 { throw .syntax(location(line: currentLine), reason: "malformed XML") }
    }

    /// The line of the current node (where it was created), else the parser's line.
    private var currentLine: Int? {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = xmlGetLineNo(node)
            if line > 0 { return Int(line) }
        }
        let parserLine = xmlTextReaderGetParserLineNumber(reader)
        return parserLine > 0 ? Int(parserLine) : nil
    }

    private func location(line: Int?) -> SourceLocation {
        SourceLocation(file: file, line: line)
    }

    private func text(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

/// Feeds libxml2 from a ``FormatKit/ByteStream``, counting bytes against the input limit and
/// keeping the stream's own error (libxml2 only learns that reading failed).
private final class StreamSource {
    private let stream: any ByteStream
    private let maxBytes: Int
    private var pending: [UInt8] = []
    private var offset = 0
    private var total = 0
    private var streamError: ImportError?
    private var overLimit = false
    /// Lines passed so far, and how much of `<!DOCTYPE` the latest bytes match.
    private var line = 1
    private var matched = 0
    private static let doctype = Array("<!DOCTYPE".utf8)
    /// The line on which the text `<!DOCTYPE` first occurs, once the bytes holding it were read.
    private(set) var doctypeLine: Int?

    init(stream: any ByteStream, maxBytes: Int) {
        self.stream = stream
        self.maxBytes = maxBytes
    }

    /// The C callback libxml2 calls for more bytes; `context` is an unretained source.
    static let read: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer else { return -1 }
        return Unmanaged<StreamSource>.fromOpaque(context).takeUnretainedValue().fill(buffer, count: Int(length))
    }

    private func fill(_ buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
        if offset == pending.count {
            do throws(ImportError) {
                pending = try stream.read(maxCount: 1 << 16)
            } catch {
                streamError = error
                return -1
            }
            offset = 0
            total += pending.count
            guard total <= maxBytes else {
                overLimit = true
                return -1
            }
            if pending.isEmpty { return 0 }
            if doctypeLine == nil { scanForDoctype(pending) }
        }
        let copied = min(count, pending.count - offset)
        pending.withUnsafeBufferPointer { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + offset, byteCount: copied)
        }
        offset += copied
        return Int32(copied)
    }

    /// Counts lines up to the first `<!DOCTYPE`, only to report its line.
    private func scanForDoctype(_ bytes: [UInt8]) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { line += 1 }
            matched = byte == Self.doctype[matched] ? matched + 1 : (byte == Self.doctype[0] ? 1 : 0)
            if matched == Self.doctype.count {
                doctypeLine = line
                return
            }
        }
    }

    func failure(file: String) -> XMLError? {
        if let streamError { return .input(streamError) }
        if overLimit { return .limitExceeded(SourceLocation(file: file), limit: "input larger than \(maxBytes) bytes") }
        return nil
    }
}
