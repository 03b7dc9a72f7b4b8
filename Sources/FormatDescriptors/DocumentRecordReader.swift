import FormatKit
import SafeXML
import SafeYAML
import StreamingJSON
import TabularKit

/// Picks the records and values a document descriptor names out of a JSON, YAML or XML
/// document, as ``TabularKit/DocumentRows`` for the table engine.
///
/// JSON is streamed (each record is read whole, the rest token by token); YAML goes through
/// ``SafeYAML`` with its limits and strictness checks (no repeated keys, core tags only); XML
/// is streamed with ``SafeXML`` (no DTD, no entities, no network, bounded depth). Every
/// record keeps the line it starts on, so an error in a value names that line.
struct DocumentRecordReader {
    let layout: DocumentLayout
    /// The field paths (the descriptor's column names), relative to a record.
    let fields: [String]
    /// The document-level value paths (sample id, sample metadata).
    let valuePaths: [String]

    /// Limits for vendor reports read as YAML.
    static let yamlLimits = YAMLLimits(maxInputBytes: 64 << 20, maxDepth: 64, maxNodes: 5_000_000, maxAliasExpandedNodes: 10_000)

    func read(_ input: ImportInput) throws(ImportError) -> DocumentRows {
        var rows = DocumentRows(fields: fields, syntax: layout.syntax.rawValue)
        switch layout.syntax {
        case .json: try readJSON(input, into: &rows)
        case .yaml: try readYAML(input, into: &rows)
        case .xml: try XMLRecordCollector(layout: layout, fields: fields, valuePaths: valuePaths, file: input.name)
            .collect(try input.openBytes(), into: &rows)
        }
        guard !rows.rows.isEmpty || layout.syntax == .xml else {
            throw .missingField(input.location(line: 1), field: "\(layout.records) (the list of records)")
        }
        return rows
    }

    // MARK: - JSON

    private func readJSON(_ input: ImportInput, into rows: inout DocumentRows) throws(ImportError) {
        var reader = JSONReader(stream: try input.openText())
        let records = KeyPath(layout.records).keys
        let values = Set(valuePaths.map { KeyPath($0).keys })
        var found = false
        do throws(JSONReadError) {
            try walkJSON(&reader, path: [], records: records, values: values, found: &found, into: &rows)
            try reader.expectEndOfInput()
        } catch {
            throw error.importError(file: input.name, path: reader.path.isEmpty ? nil : reader.path)
        }
        if !found { throw .missingField(input.location(line: 1), field: "\(layout.records) (the list of records)") }
    }

    private func walkJSON(_ reader: inout JSONReader, path: [String], records: [String], values: Set<[String]>,
                          found: inout Bool, into rows: inout DocumentRows) throws(JSONReadError) {
        switch try reader.next() {
        case .beginObject:
            while let key = try reader.nextKey() {
                try walkJSON(&reader, path: path + [key], records: records, values: values, found: &found, into: &rows)
            }
        case .beginArray where path == records:
            found = true
            while try reader.nextElement() {
                _ = try reader.peek()
                let line = reader.tokenPosition.line
                let record = try reader.readValue()
                rows.rows.append((line, fields.map { Self.text(at: KeyPath($0).keys, in: record) }))
            }
        case .beginArray:
            while try reader.nextElement() { try reader.skipValue() }
        case .string(let text) where values.contains(path):
            rows.values[path.joined(separator: ".")] = text
        case .number(let number) where values.contains(path):
            rows.values[path.joined(separator: ".")] = number.text
        case .bool(let flag) where values.contains(path):
            rows.values[path.joined(separator: ".")] = flag ? "true" : "false"
        default:
            break
        }
    }

    /// The scalar at `keys` in a JSON record as text; empty when absent, null or not a scalar.
    private static func text(at keys: [String], in value: JSONValue) -> String {
        var current = value
        for key in keys {
            guard case .object(let members) = current, let next = members[key] else { return "" }
            current = next
        }
        switch current {
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        default: return ""
        }
    }

    // MARK: - YAML

    private func readYAML(_ input: ImportInput, into rows: inout DocumentRows) throws(ImportError) {
        let bytes = try input.readAllText(limit: Self.yamlLimits.maxInputBytes)
        let root: YAMLNode
        do throws(YAMLError) {
            root = try YAMLReader.document(in: bytes, file: input.name, limits: Self.yamlLimits)
            try YAMLStrictness.check(root, file: input.name)
        } catch {
            throw error.importError
        }
        guard let list = Self.node(at: KeyPath(layout.records).keys, in: root) else {
            throw .missingField(input.location(line: 1), field: "\(layout.records) (the list of records)")
        }
        guard let items = list.items else {
            throw .syntax(input.location(line: list.mark.line, column: list.mark.column),
                          reason: "\(layout.records) is \(list.kindDescription), not a list of records")
        }
        for item in items {
            rows.rows.append((item.mark.line, fields.map { Self.node(at: KeyPath($0).keys, in: item).map(Self.text) ?? "" }))
        }
        for path in valuePaths {
            if let node = Self.node(at: KeyPath(path).keys, in: root), node.scalar != nil { rows.values[path] = Self.text(node) }
        }
    }

    private static func node(at keys: [String], in root: YAMLNode) -> YAMLNode? {
        var current = root
        for key in keys {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    private static func text(_ node: YAMLNode) -> String {
        guard let scalar = node.scalar, !scalar.isNull else { return "" }
        return scalar.value
    }
}

/// Streams an XML document and collects the records and values its XPath-style paths name.
private struct XMLRecordCollector {
    /// A record being read: its cells so far and the path of open elements inside it.
    struct OpenRecord {
        var order: Int
        var line: Int
        var depth: Int
        var attributes: [XMLAttribute]
        var cells: [String]
        var inner: [String] = []
        /// The text being gathered for a field: which cell, and at which inner depth it closes.
        var capture: (cell: Int, depth: Int)?
    }

    let records: XMLPath
    let fields: [XMLPath?]
    let values: [(text: String, path: XMLPath)]
    let file: String

    init(layout: DocumentLayout, fields: [String], valuePaths: [String], file: String) throws(ImportError) {
        guard let records = XMLPath(layout.records), records.attribute == nil, !records.parent else {
            throw .unsupported(SourceLocation(file: file), reason: "the records path '\(layout.records)' is not an element path")
        }
        self.records = records
        self.fields = fields.map(XMLPath.init)
        values = valuePaths.compactMap { text in XMLPath(text).map { (text, $0) } }
        self.file = file
    }

    func collect(_ stream: any ByteStream, into rows: inout DocumentRows) throws(ImportError) {
        let reader: XMLReader
        do throws(XMLError) { reader = try XMLReader(stream: stream, file: file) } catch { throw error.importError }
        var stack: [String] = []
        var open: [OpenRecord] = []
        var finished: [OpenRecord] = []
        var valueCapture: (text: String, depth: Int)?
        var valueText = ""
        var count = 0
        while let event = try next(reader) {
            switch event {
            case .start(let element):
                stack.append(element.name)
                for (text, path) in values where rows.values[text] == nil && path.matches(stack[...]) {
                    if let attribute = path.attribute {
                        if let value = element[attribute: attribute] { rows.values[text] = value }
                    } else if valueCapture == nil {
                        valueCapture = (text, stack.count)
                        valueText = ""
                    }
                }
                if records.matches(stack[...]) {
                    var record = OpenRecord(order: count, line: element.line, depth: stack.count, attributes: element.attributes,
                                            cells: Array(repeating: "", count: fields.count))
                    count += 1
                    for (cell, field) in fields.enumerated() {
                        guard let field else { continue }
                        if field.parent, let attribute = field.attribute, let enclosing = open.last {
                            record.cells[cell] = enclosing.attributes.first { $0.name == attribute }?.value ?? ""
                        } else if field.steps.isEmpty, let attribute = field.attribute {
                            record.cells[cell] = element[attribute: attribute] ?? ""
                        } else if field.steps.isEmpty, !field.parent {
                            record.capture = (cell, 0)
                        }
                    }
                    open.append(record)
                } else if var record = open.popLast() {
                    record.inner.append(element.name)
                    for (cell, field) in fields.enumerated() {
                        guard let field, !field.parent, field.steps.map(\.name) == record.inner else { continue }
                        if let attribute = field.attribute {
                            record.cells[cell] = element[attribute: attribute] ?? ""
                        } else if record.capture == nil {
                            record.capture = (cell, record.inner.count)
                        }
                    }
                    open.append(record)
                }
            case .text(let text, _):
                if valueCapture != nil { valueText += text }
                if var record = open.popLast() {
                    if let capture = record.capture { record.cells[capture.cell] += text }
                    open.append(record)
                }
            case .end:
                if let capture = valueCapture, capture.depth == stack.count {
                    rows.values[capture.text] = Self.trimmed(valueText)
                    valueCapture = nil
                }
                if var record = open.popLast() {
                    if record.depth == stack.count {
                        if let capture = record.capture { record.cells[capture.cell] = Self.trimmed(record.cells[capture.cell]) }
                        finished.append(record)
                    } else {
                        if let capture = record.capture, capture.depth == record.inner.count {
                            record.cells[capture.cell] = Self.trimmed(record.cells[capture.cell])
                            record.capture = nil
                        }
                        record.inner.removeLast()
                        open.append(record)
                    }
                }
                stack.removeLast()
            }
        }
        guard count > 0 else { throw .missingField(SourceLocation(file: file, line: 1), field: "records matching \(recordsText)") }
        rows.rows = finished.sorted { $0.order < $1.order }.map { ($0.line, $0.cells) }
    }

    private var recordsText: String {
        records.steps.map { ($0.descendant ? "//" : "/") + $0.name }.joined()
    }

    private func next(_ reader: XMLReader) throws(ImportError) -> XMLEvent? {
        do throws(XMLError) { return try reader.next() } catch { throw error.importError }
    }

    private static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
