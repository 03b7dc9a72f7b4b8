internal import CLibXML2
import FormatKit

/// An XML Schema (XSD 1.0) compiled by libxml2's schema parser, used to validate documents
/// while ``XMLReader`` streams them.
///
/// The schema text is compiled from memory; a schema that imports or includes other files
/// cannot load them (the external entity loader refuses everything), which is intended: the
/// hub's schemas are self-contained.
public final class XMLSchema {
    let pointer: xmlSchemaPtr

    /// Compiles `text`; `name` names the schema in errors.
    public init(text: String, name: String) throws(XMLError) {
        LibXML.prepare()
        let recorder = XMLErrorRecorder()
        let bytes = Array(text.utf8)
        let compiled: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                xmlSchemaSetParserStructuredErrors(context, XMLErrorRecorder.callback, recorder.unretainedPointer)
                return xmlSchemaParse(context)
            }
        }
        guard let compiled else {
            let first = recorder.first
            throw .syntax(SourceLocation(file: name, line: first?.line), reason: first?.message ?? "the schema does not compile")
        }
        pointer = compiled
    }

    deinit { xmlSchemaFree(pointer) }
}
