import FormatKit
import ProfileFormats
import ProfileModel
import SafeYAML

/// Turns a parsed YAML document into profile document events, each with its line and column.
///
/// Typing follows the YAML 1.2 core schema, as ``SafeYAML`` resolves it: a plain `120` is a
/// number, `true`/`false` a boolean, `null`/`~`/empty null, anything quoted or block-styled a
/// string. Stricter than YAML itself, because a profile must mean one thing: a repeated key,
/// a tag other than the standard `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`,
/// `!!seq`, a non-text key and a non-finite number are errors at their line.
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
                try checkTag(node.tag, at: node)
                switch node.content {
                case .scalar(let scalar):
                    try sink.emit(try event(for: scalar, at: node), line: node.mark.line, column: node.mark.column)
                case .sequence(let items):
                    try sink.emit(.beginList, line: node.mark.line, column: node.mark.column)
                    steps.append(.end(.endList))
                    steps.append(contentsOf: items.reversed().map(Step.node))
                case .mapping(let pairs):
                    try checkUniqueKeys(pairs)
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
    private static let allowedTags: Set<String> = ["str", "int", "float", "bool", "null", "map", "seq"]

    private func checkTag(_ tag: String?, at node: YAMLNode) throws(ImportError) {
        let tag = tag ?? node.scalar?.tag
        guard let tag, tag != "!" else { return }
        guard tag.hasPrefix(Self.core), Self.allowedTags.contains(String(tag.dropFirst(Self.core.count))) else {
            throw .unsupported(location(node), reason: "the YAML tag '\(tag)' is not allowed in a profile (only the standard !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)")
        }
    }

    private func keyText(_ key: YAMLNode) throws(ImportError) -> String {
        guard let scalar = key.scalar, key.scalar?.tag == nil || key.scalar?.tag == Self.core + "str" else {
            throw .syntax(location(key), reason: "a key must be text, not \(key.kindDescription)")
        }
        return scalar.value
    }

    private func checkUniqueKeys(_ pairs: [YAMLPair]) throws(ImportError) {
        var seen: Set<String> = []
        for pair in pairs {
            let key = try keyText(pair.key)
            guard seen.insert(key).inserted else {
                throw .syntax(location(pair.key), reason: "the key \"\(key)\" occurs twice in one mapping")
            }
        }
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
        if text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil { return .number(text) }
        let shortest = NumberFormatting.shortest(number)
        return .number(shortest.contains(".") || shortest.contains("e") ? shortest : shortest + ".0")
    }

    private func invalid(_ value: String, _ reason: String, _ node: YAMLNode) -> ImportError {
        .invalidValue(location(node), value: value, reason: reason)
    }

    private func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }
}
