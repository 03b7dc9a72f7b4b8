import FormatKit
import ProfileFormats
import SafeXML

/// Writes profile document events as XML in the XPath 3.1 vocabulary for JSON
/// (`<map>`, `<array>`, `<string>`, `<number>`, `<boolean>`, `<null>`, members named by a
/// `key` attribute), indented, through ``SafeXML/XMLWriter``.
struct XMLDocumentEmitter: ProfileDocumentEmitter {
    /// The namespace of the vocabulary (XPath and XQuery Functions 3.1, section 17.5).
    static let namespace = "http://www.w3.org/2005/xpath-functions"

    private let writer: XMLWriter
    private var pendingKey: String?
    private var started = false
    private var eventsSinceDrain = 0

    init() throws(ExportError) {
        writer = try XMLWriter()
    }

    mutating func emit(_ event: ProfileDocumentEvent, to output: inout OutputSink) throws(ExportError) {
        switch event {
        case .key(let key):
            pendingKey = key
            return
        case .beginMap: try open("map")
        case .beginList: try open("array")
        case .endMap, .endList: try writer.endElement()
        case .string(let text): try scalar("string", text)
        case .number(let text): try scalar("number", text)
        case .bool(let flag): try scalar("boolean", flag ? "true" : "false")
        case .null:
            try open("null")
            try writer.endElement()
        }
        eventsSinceDrain += 1
        if eventsSinceDrain >= 4096 {
            eventsSinceDrain = 0
            try writer.drain(into: &output)
        }
    }

    /// Ends the document and writes what the writer still holds.
    func finish(to output: inout OutputSink) throws(ExportError) {
        try writer.endDocument()
        try writer.drain(into: &output)
    }

    private mutating func open(_ name: String) throws(ExportError) {
        if !started {
            started = true
            try writer.startDocument()
            try writer.startElement(name)
            try writer.attribute("xmlns", Self.namespace)
        } else {
            try writer.startElement(name)
        }
        if let key = pendingKey {
            try writer.attribute("key", key)
            pendingKey = nil
        }
    }

    private mutating func scalar(_ name: String, _ text: String) throws(ExportError) {
        try open(name)
        if !text.isEmpty { try writer.text(text) }
        try writer.endElement()
    }
}
