import FormatKit
import ProfileFormats
import SafeXML

/// Streams an XML document in the XPath 3.1 vocabulary for JSON and delivers it as profile
/// document events, each with its line. Structure is checked by the schema while the
/// document streams; this type adds the checks a schema cannot state as well (no text
/// between the elements of a map or an array) and turns each element into its event.
struct XMLDocumentEvents {
    let input: ImportInput
    let schemaText: String

    /// Emits the events of the document into `sink`.
    func emit(into sink: any ProfileDocumentSink) throws(ImportError) {
        let stream = try input.openBytes()
        let reader: XMLReader
        do throws(XMLError) {
            let schema = try XMLSchema(text: schemaText, name: "Formats/schemas/profile.xsd")
            reader = try XMLReader(stream: stream, file: input.name, schema: schema)
        } catch {
            throw error.importError
        }
        try emit(from: reader, into: sink)
    }

    private func next(_ reader: XMLReader) throws(ImportError) -> XMLEvent? {
        do throws(XMLError) {
            return try reader.next()
        } catch {
            throw error.importError
        }
    }

    private enum Open {
        case container
        case scalar(name: String, text: String, line: Int)
    }

    private func emit(from reader: XMLReader, into sink: any ProfileDocumentSink) throws(ImportError) {
        var open: [Open] = []
        while let event = try next(reader) {
            switch event {
            case .start(let element):
                if let key = element[attribute: "key"] { try sink.emit(.key(key), line: element.line, column: nil) }
                switch element.name {
                case "map":
                    try sink.emit(.beginMap, line: element.line, column: nil)
                    open.append(.container)
                case "array":
                    try sink.emit(.beginList, line: element.line, column: nil)
                    open.append(.container)
                default:
                    open.append(.scalar(name: element.name, text: "", line: element.line))
                }
            case .text(let text, let line):
                guard case .scalar(let name, let sofar, let start)? = open.last else {
                    guard text.allSatisfy(\.isWhitespace) else {
                        throw ImportError.syntax(SourceLocation(file: input.name, line: line),
                                                 reason: "text between the members of a map or array")
                    }
                    continue
                }
                open[open.count - 1] = .scalar(name: name, text: sofar + text, line: start)
            case .end(let name):
                guard case .scalar(_, let text, let line)? = open.popLast() else {
                    try sink.emit(name == "map" ? .endMap : .endList, line: nil, column: nil)
                    continue
                }
                try sink.emit(Self.scalarEvent(name, text), line: line, column: nil)
            }
        }
    }

    /// The event of a scalar element whose text the schema has already checked.
    private static func scalarEvent(_ name: String, _ text: String) -> ProfileDocumentEvent {
        switch name {
        case "number": .number(text)
        case "boolean": .bool(text == "true")
        case "null": .null
        default: .string(text)
        }
    }
}
