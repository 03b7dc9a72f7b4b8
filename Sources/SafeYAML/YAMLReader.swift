import CYAML

/// Reads YAML text into ``YAMLNode`` trees with the system libyaml, within ``YAMLLimits``.
///
/// This is the only module that calls libyaml. It consumes libyaml's event stream
/// (not its recursive document loader), builds nodes with an explicit stack, expands
/// aliases while counting the nodes they add, and stops at the first limit crossed.
public enum YAMLReader {
    /// Every document in `bytes` (UTF-8, or UTF-16 with a BOM); `file` names the text in errors.
    public static func documents(in bytes: [UInt8], file: String,
                                 limits: YAMLLimits = YAMLLimits()) throws(YAMLError) -> [YAMLNode] {
        guard bytes.count <= limits.maxInputBytes else {
            throw .limitExceeded(YAMLLocation(file: file, mark: YAMLMark(line: 1, column: 1)),
                                 limit: "input of \(bytes.count) bytes is larger than \(limits.maxInputBytes) bytes")
        }
        let parser = LibYAMLParser(bytes: bytes)
        var builder = TreeBuilder(file: file, limits: limits)
        while true {
            let event = try parser.next(file: file)
            defer { parser.release(event) }
            if try builder.consume(event) { break }
        }
        return builder.documents
    }

    /// The single document in `bytes`; fails when there is none or more than one.
    public static func document(in bytes: [UInt8], file: String,
                                limits: YAMLLimits = YAMLLimits()) throws(YAMLError) -> YAMLNode {
        let all = try documents(in: bytes, file: file, limits: limits)
        guard let first = all.first else {
            throw .noDocument(YAMLLocation(file: file, mark: YAMLMark(line: 1, column: 1)))
        }
        guard all.count == 1 else { throw .multipleDocuments(YAMLLocation(file: file, mark: all[1].mark)) }
        return first
    }
}

/// Owns one libyaml parser and the copy of the input it reads.
private final class LibYAMLParser {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let input: UnsafeMutableBufferPointer<UInt8>

    init(bytes: [UInt8]) {
        input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event; the caller passes it to ``release(_:)`` when done.
    func next(file: String) throws(YAMLError) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            let state = parser.pointee
            var reason = state.problem.map { String(cString: $0) } ?? "malformed YAML"
            if let context = state.context {
                reason += " (\(String(cString: context)) at \(state.context_mark.line + 1):\(state.context_mark.column + 1))"
            }
            let mark = YAMLMark(line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1)
            throw .syntax(YAMLLocation(file: file, mark: mark), reason: reason)
        }
        return event
    }

    func release(_ event: yaml_event_t) {
        var event = event
        yaml_event_delete(&event)
    }
}

/// Turns libyaml events into nodes with an explicit stack, enforcing the limits.
private struct TreeBuilder {
    /// A collection being filled.
    struct Frame {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var tag: String?
        var anchor: String?
        var mark: YAMLMark
        /// Nodes in this subtree so far, the collection itself included.
        var size = 1
        /// Collection levels below and including this one.
        var height = 1
    }

    /// A finished anchored node and what expanding it costs.
    struct Anchored {
        var node: YAMLNode
        var size: Int
        var height: Int
    }

    let file: String
    let limits: YAMLLimits
    private(set) var documents: [YAMLNode] = []
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var nodeCount = 0
    private var aliasExpandedCount = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    /// Handles one event; returns `true` at the end of the stream.
    mutating func consume(_ event: yaml_event_t) throws(YAMLError) -> Bool {
        let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            anchors = [:]
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let scalar = YAMLScalar(value: value, style: Self.style(data.style), tag: Self.text(data.tag))
            try count(nodes: 1, at: mark)
            finish(YAMLNode(.scalar(scalar), mark: mark), size: 1, height: 0, anchor: Self.text(data.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.text(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw .undefinedAlias(YAMLLocation(file: file, mark: mark), anchor: name)
            }
            aliasExpandedCount += anchored.size
            guard aliasExpandedCount <= limits.maxAliasExpandedNodes else {
                throw .limitExceeded(YAMLLocation(file: file, mark: mark),
                                     limit: "aliases expand to more than \(limits.maxAliasExpandedNodes) nodes")
            }
            guard stack.count + anchored.height <= limits.maxDepth else {
                throw depthError(at: mark)
            }
            try count(nodes: anchored.size, at: mark)
            finish(anchored.node, size: anchored.size, height: anchored.height, anchor: nil)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < limits.maxDepth else { throw depthError(at: mark) }
            try count(nodes: 1, at: mark)
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let tag = isMapping ? Self.text(event.data.mapping_start.tag) : Self.text(event.data.sequence_start.tag)
            let anchor = isMapping ? Self.text(event.data.mapping_start.anchor) : Self.text(event.data.sequence_start.anchor)
            stack.append(Frame(isMapping: isMapping, tag: tag, anchor: anchor, mark: mark))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            finish(YAMLNode(content, tag: frame.tag, mark: frame.mark), size: frame.size, height: frame.height,
                       anchor: frame.anchor)
        default:
            break
        }
        return false
    }

    private mutating func count(nodes: Int, at mark: YAMLMark) throws(YAMLError) {
        nodeCount += nodes
        guard nodeCount <= limits.maxNodes else {
            throw .limitExceeded(YAMLLocation(file: file, mark: mark), limit: "more than \(limits.maxNodes) nodes")
        }
    }

    private func depthError(at mark: YAMLMark) -> YAMLError {
        .limitExceeded(YAMLLocation(file: file, mark: mark), limit: "nesting deeper than \(limits.maxDepth) levels")
    }

    /// Registers a finished node's anchor and hands the node to its parent (or the document list).
    private mutating func finish(_ node: YAMLNode, size: Int, height: Int, anchor: String?) {
        if let anchor { anchors[anchor] = Anchored(node: node, size: size, height: height) }
        guard !stack.isEmpty else {
            documents.append(node)
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        stack[top].height = max(stack[top].height, height + 1)
        if stack[top].isMapping {
            if let key = stack[top].pendingKey {
                stack[top].pairs.append(YAMLPair(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                stack[top].pendingKey = node
            }
        } else {
            stack[top].items.append(node)
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
