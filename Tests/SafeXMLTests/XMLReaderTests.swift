import FormatKit
import Foundation
import SafeXML
import Testing

@Suite struct XMLReaderTests {
    @Test func streamsElementsAttributesTextAndNamespaces() throws {
        let events = try xmlEvents("""
        <?xml version="1.0"?>
        <r xmlns="urn:example" a="1">
          <e b="x &amp; y"/>
          <t>one &lt; two</t><![CDATA[raw <text>]]>
        </r>
        """).get()
        guard case .start(let root) = events.first else {
            Issue.record("no start event")
            return
        }
        #expect(root.name == "r")
        #expect(root.namespace == "urn:example")
        #expect(root.attributes == [XMLAttribute(name: "a", value: "1")])
        #expect(root.line == 2)
        let starts = events.compactMap { if case .start(let element) = $0 { element.name } else { nil } }
        #expect(starts == ["r", "e", "t"])
        let ends = events.compactMap { if case .end(let name) = $0 { name } else { nil } }
        #expect(ends == ["e", "t", "r"])
        let texts = events.compactMap { event -> String? in
            guard case .text(let text, _) = event, !text.allSatisfy(\.isWhitespace) else { return nil }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(texts == ["one < two", "raw <text>"])
        if case .start(let empty) = events.first(where: { if case .start(let e) = $0 { e.name == "e" } else { false } }) {
            #expect(empty[attribute: "b"] == "x & y")
        }
    }

    @Test func malformedXMLIsASyntaxErrorWithItsLine() {
        let error = xmlError("<r>\n  <a>\n  </b>\n</r>\n")
        guard case .syntax(let location, _)? = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(location.line == 3)
        #expect(error?.importError.code == "syntax")
    }

    @Test func anUndeclaredEntityIsAnError() {
        let error = xmlError("<r>&undeclared;</r>")
        #expect(error?.code == "xml.syntax")
    }

    @Test func textLongerThanTheLimitIsRefused() {
        let error = xmlError("<r>" + String(repeating: "x", count: 5000) + "</r>", limits: XMLLimits(maxTextBytes: 1000))
        guard case .limitExceeded? = error else {
            Issue.record("expected a limit error, got \(String(describing: error))")
            return
        }
    }

    @Test func tooManyAttributesAreRefused() {
        let attributes = (0..<20).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        let error = xmlError("<r \(attributes)/>", limits: XMLLimits(maxAttributes: 10))
        guard case .limitExceeded? = error else {
            Issue.record("expected a limit error, got \(String(describing: error))")
            return
        }
    }

    @Test func inputLargerThanTheLimitIsRefused() {
        let error = xmlError("<r>" + String(repeating: "<a/>", count: 50_000) + "</r>", limits: XMLLimits(maxInputBytes: 10_000))
        guard case .limitExceeded? = error else {
            Issue.record("expected a limit error, got \(String(describing: error))")
            return
        }
    }
}

@Suite struct XMLSchemaValidationTests {
    static let schema = """
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="r">
        <xs:complexType>
          <xs:sequence><xs:element name="n" type="xs:integer" maxOccurs="unbounded"/></xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>
    """

    @Test func aValidDocumentStreamsThrough() throws {
        let schema = try XMLSchema(text: Self.schema, name: "test.xsd")
        let events = try xmlEvents("<r><n>1</n><n>2</n></r>", schema: schema).get()
        #expect(events.count == 8)
    }

    @Test func aViolationStopsReadingWithItsLine() throws {
        let schema = try XMLSchema(text: Self.schema, name: "test.xsd")
        let error = xmlError("<r>\n<n>1</n>\n<n>two</n>\n</r>", schema: schema)
        guard case .schemaInvalid(let location, let reason)? = error else {
            Issue.record("expected a schema error, got \(String(describing: error))")
            return
        }
        #expect(location.line == 3)
        #expect(reason.contains("two"))
    }

    @Test func aBrokenSchemaIsATypedError() {
        #expect(throws: XMLError.self) { try XMLSchema(text: "<xs:schema", name: "broken.xsd") }
    }
}

@Suite struct XMLWriterTests {
    @Test func escapesTextAndAttributesAndReadsBack() throws {
        let writer = try XMLWriter()
        try writer.startDocument()
        try writer.startElement("r")
        try writer.attribute("a", "\"quoted\" & <angled>")
        try writer.text("1 < 2 & 3 > 2")
        try writer.endDocument()
        let scratch = try temporaryFile("", suffix: ".xml")
        var sink = try OutputSink(fileURL: scratch)
        try writer.drain(into: &sink)
        try sink.flush()
        let text = try String(contentsOf: scratch, encoding: .utf8)
        let events = try xmlEvents(text).get()
        guard case .start(let root) = events.first else {
            Issue.record("no root in \(text)")
            return
        }
        #expect(root[attribute: "a"] == "\"quoted\" & <angled>")
        #expect(events.contains(.text("1 < 2 & 3 > 2", line: 2)))
    }

    @Test func refusesControlCharactersXMLCannotCarry() throws {
        let writer = try XMLWriter()
        try writer.startElement("r")
        #expect(throws: ExportError.self) { try writer.text("bell \u{7}") }
        #expect(XMLWriter.isRepresentable("tab\tnewline\n"))
        #expect(!XMLWriter.isRepresentable("nul \u{0}"))
    }
}
