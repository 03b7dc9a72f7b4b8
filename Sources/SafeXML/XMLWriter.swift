internal import CLibXML2
import FormatKit

/// Writes well-formed XML with libxml2's `xmlTextWriter`: libxml2 escapes text and attribute
/// values and indents elements; this type refuses characters that XML 1.0 cannot hold at all
/// (most C0 control characters, lone surrogates are impossible in a Swift string), so that a
/// written document always reads back to the same text.
///
/// Output collects in libxml2's memory buffer and is moved into an ``FormatKit/OutputSink``
/// by ``drain(into:)``, which callers invoke now and then so memory stays small.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// A writer that indents nested elements by two spaces.
    public init() throws(ExportError) {
        guard let buffer = xmlBufferCreate() else { throw .io(path: "-", reason: "libxml2 cannot allocate a buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw .io(path: "-", reason: "libxml2 cannot create a writer")
        }
        self.buffer = buffer
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        _ = Self.withXMLChars("  ") { xmlTextWriterSetIndentString(writer, $0) }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Writes the XML declaration (`<?xml version="1.0" encoding="UTF-8"?>`).
    public func startDocument() throws(ExportError) {
        try check(xmlTextWriterStartDocument(writer, nil, "UTF-8", nil), "start the document")
    }

    /// Opens an element.
    public func startElement(_ name: String) throws(ExportError) {
        try check(Self.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "open <\(name)>")
    }

    /// Adds an attribute to the element just opened.
    public func attribute(_ name: String, _ value: String) throws(ExportError) {
        try Self.checkCharacters(value)
        try check(Self.withXMLChars(name) { name in Self.withXMLChars(value) { xmlTextWriterWriteAttribute(writer, name, $0) } },
                  "write the attribute \(name)")
    }

    /// Writes character data inside the open element.
    public func text(_ value: String) throws(ExportError) {
        try Self.checkCharacters(value)
        try check(Self.withXMLChars(value) { xmlTextWriterWriteString(writer, $0) }, "write text")
    }

    /// Closes the innermost open element (as `<a/>` when nothing was written into it).
    public func endElement() throws(ExportError) {
        try check(xmlTextWriterEndElement(writer), "close an element")
    }

    /// Writes one element whose children `body` writes on the same line
    /// (`<m><val>1</val><val>2</val></m>`), as line-based readers of some formats expect; the
    /// document goes on indented on the next line.
    public func inlineElement(_ name: String, _ body: () throws(ExportError) -> Void) throws(ExportError) {
        try startElement(name)
        try check(xmlTextWriterSetIndent(writer, 0), "stop indenting")
        try body()
        try endElement()
        try check(xmlTextWriterSetIndent(writer, 1), "indent again")
        try check(Self.withXMLChars("\n") { xmlTextWriterWriteRaw(writer, $0) }, "end the line")
    }

    /// Closes every open element and ends the document.
    public func endDocument() throws(ExportError) {
        try check(xmlTextWriterEndDocument(writer), "end the document")
    }

    /// Moves what has been written so far into `sink`.
    public func drain(into sink: inout OutputSink) throws(ExportError) {
        try check(xmlTextWriterFlush(writer), "flush")
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return }
        try sink.write(UnsafeBufferPointer(start: content, count: count))
        xmlBufferEmpty(buffer)
    }

    /// Whether `text` holds only characters XML 1.0 allows (tab, newline, carriage return
    /// and everything from U+0020 except U+FFFE and U+FFFF).
    public static func isRepresentable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD: true
            case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
            default: false
            }
        }
    }

    private static func checkCharacters(_ text: String) throws(ExportError) {
        guard isRepresentable(text) else {
            throw .cannotRepresent(reason: "the text \(text.debugDescription) holds a control character that XML 1.0 cannot carry")
        }
    }

    private static func withXMLChars(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Int32) -> Int32 {
        text.withCString { chars in chars.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body) }
    }

    private func check(_ status: Int32, _ action: String) throws(ExportError) {
        guard status >= 0 else { throw .io(path: "-", reason: "libxml2 could not \(action)") }
    }
}
