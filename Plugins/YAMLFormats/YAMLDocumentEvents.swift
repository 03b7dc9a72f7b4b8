import FormatKit
import ProfileFormats
import ProfileModel
import SafeYAML

/// Turns a parsed YAML document into profile document events, each with its line and column.
///
/// Typing follows the YAML 1.2 core schema, as ``SafeYAML`` resolves it: a plain `120` is a
/// number, `true`/`false` a boolean, `null`/`~`/empty null, anything quoted or block-styled a
/// string. Stricter than YAML itself, because a profile must mean one thing: the document
/// has passed ``SafeYAML/YAMLStrictness`` (no repeated key, only core tags, text keys), and a
/// non-finite number is an error at its line.
struct YAMLDocumentEvents {
    let file: String

    /// Emits the events of `root` into `sink`.
    func emit(_ root: YAMLNode, into sink: any ProfileDocumentSink) throws(ImportError) {
        // An explicit stack, so that the nesting the reader allowed cannot overflow the call stack.
        enum Step { case node(YAMLNode), key(YAMLNode), end(ProfileDocumentEvent) }
        var steps: [Step] = [.node(root)]
        while let step = steps.popLast() {
            switch step {
            case .end(let event):
                try sink.emit(event, line: nil, column: nil)
            case .key(let key):
                try sink.emit(.key(try keyText(key)), line: key.mark.line, column: key.mark.column)
            case .node(let node):
                switch node.content {
                case .scalar(let scalar):
                    try sink.emit(try event(for: scalar, at: node), line: node.mark.line, column: node.mark.column)
                case .sequence(let items):
                    try sink.emit(.beginList, line: node.mark.line, column: node.mark.column)
                    steps.append(.end(.endList))
                    steps.append(contentsOf: items.reversed().map(Step.node))
                case .mapping(let pairs):
                    try sink.emit(.beginMap, line: node.mark.line, column: node.mark.column)
                    steps.append(.end(.endMap))
                    for pair in pairs.reversed() {
                        steps.append(.node(pair.value))
                        steps.append(.key(pair.key))
                    }
                }
            }
        }
    }

    private static let core = "tag:yaml.org,2002:"

    private func keyText(_ key: YAMLNode) throws(ImportError) -> String {
        guard let scalar = key.scalar else { throw .syntax(location(key), reason: "a key must be text, not \(key.kindDescription)") }
        return scalar.value
    }

    private func event(for scalar: YAMLScalar, at node: YAMLNode) throws(ImportError) -> ProfileDocumentEvent {
        let tag = scalar.tag.map { String($0.dropFirst(Self.core.count)) }
        if tag == "str" || (tag == nil && scalar.style != .plain) { return .string(scalar.value) }
        let plain = YAMLScalar(value: scalar.value)
        switch tag {
        case nil:
            if plain.isNull { return .null }
            if let flag = plain.bool { return .bool(flag) }
            if let integer = plain.integer { return .number(String(integer)) }
            if let number = plain.number { return try finite(number, scalar.value, node) }
            return .string(scalar.value)
        case "int":
            guard let integer = plain.integer else { throw invalid(scalar.value, "is not an integer", node) }
            return .number(String(integer))
        case "float":
            guard let number = plain.number else { throw invalid(scalar.value, "is not a number", node) }
            return try finite(number, scalar.value, node)
        case "bool":
            guard let flag = plain.bool else { throw invalid(scalar.value, "is not true or false", node) }
            return .bool(flag)
        case "null":
            guard plain.isNull else { throw invalid(scalar.value, "is not null", node) }
            return .null
        default:
            throw .syntax(location(node), reason: "a scalar cannot carry the tag !!\(tag ?? "")")
        }
    }

    /// A finite number as JSON text: kept as written when that is valid JSON, else respelled.
    private func finite(_ number: Double, _ text: String, _ node: YAMLNode) throws(ImportError) -> ProfileDocumentEvent {
        guard number.isFinite else {
            throw invalid(text, "is not a finite number (write non-finite metadata as {number: NaN})", node)
        }
        if Self.isJSONNumber(text) { return .number(text) }
        let shortest = NumberFormatting.shortest(number)
        return .number(shortest.contains(".") || shortest.contains("e") ? shortest : shortest + ".0")
    }

    /// Whether `text` is spelled as JSON spells a number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    /// (Scanned by hand: a regex literal would be compiled again for every value.)
    private static func isJSONNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else if digits() == 0 { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    private func invalid(_ value: String, _ reason: String, _ node: YAMLNode) -> ImportError {
        .invalidValue(location(node), value: value, reason: reason)
    }

    private func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }
}
