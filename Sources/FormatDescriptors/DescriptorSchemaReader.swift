import FormatKit
import SafeYAML
import TabularKit

/// Reads YAML nodes against the descriptor schema, collecting every problem with its
/// position instead of stopping at the first.
struct DescriptorSchemaReader {
    let file: String
    private(set) var problems: [DescriptorProblem] = []

    init(file: String) {
        self.file = file
    }

    mutating func problem(at node: YAMLNode, _ message: String) {
        problems.append(DescriptorProblem(file: file, line: node.mark.line, column: node.mark.column, message: message))
    }

    /// The entries of a mapping by key, reporting keys outside `allowed` and repeated keys.
    mutating func mapping(_ node: YAMLNode, path: String, allowed: [String]) -> [String: YAMLNode]? {
        guard let pairs = node.pairs else {
            problem(at: node, "\(path) must be a mapping, not \(node.kindDescription)")
            return nil
        }
        var entries: [String: YAMLNode] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar?.value else {
                problem(at: pair.key, "\(path): keys must be text")
                continue
            }
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            if entries[key] != nil {
                problem(at: pair.key, "\(keyPath) is given twice")
            } else if !allowed.contains(key) {
                problem(at: pair.key, "unknown key '\(keyPath)' (expected one of: \(allowed.joined(separator: ", ")))")
            } else {
                entries[key] = pair.value
            }
        }
        return entries
    }

    /// A free-text mapping (`metadata`): text keys to text values, duplicates reported.
    mutating func textMapping(_ node: YAMLNode, path: String) -> [(key: String, value: String)] {
        guard let pairs = node.pairs else {
            problem(at: node, "\(path) must be a mapping, not \(node.kindDescription)")
            return []
        }
        var seen = Set<String>()
        var result: [(String, String)] = []
        for pair in pairs {
            guard let key = text(pair.key, path: "\(path) key"), let value = text(pair.value, path: "\(path).\(key)") else { continue }
            if !seen.insert(key).inserted { problem(at: pair.key, "\(path).\(key) is given twice"); continue }
            result.append((key, value))
        }
        return result
    }

    /// A scalar's text; quoted or plain, but not null, a list or a mapping.
    mutating func text(_ node: YAMLNode, path: String) -> String? {
        guard let scalar = node.scalar else {
            problem(at: node, "\(path) must be text, not \(node.kindDescription)")
            return nil
        }
        if scalar.isNull {
            problem(at: node, "\(path) must not be empty")
            return nil
        }
        return scalar.value
    }

    /// A list of texts; a single text is accepted as a list of one.
    mutating func textList(_ node: YAMLNode, path: String) -> [String]? {
        if node.scalar != nil { return text(node, path: path).map { [$0] } }
        guard let items = node.items else {
            problem(at: node, "\(path) must be a list, not \(node.kindDescription)")
            return nil
        }
        var values: [String] = []
        for (index, item) in items.enumerated() {
            if let value = text(item, path: "\(path)[\(index)]") { values.append(value) }
        }
        return values
    }

    /// A whole number within `range`.
    mutating func integer(_ node: YAMLNode, path: String, range: ClosedRange<Int>) -> Int? {
        guard let value = node.scalar?.integer else {
            problem(at: node, "\(path) must be a whole number")
            return nil
        }
        guard range.contains(value) else {
            problem(at: node, "\(path) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
            return nil
        }
        return value
    }

    /// One of a fixed set of words.
    mutating func choice(_ node: YAMLNode, path: String, options: [String]) -> String? {
        guard let value = text(node, path: path) else { return nil }
        guard options.contains(value) else {
            problem(at: node, "\(path): '\(value)' is not one of \(options.joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// A column: a header name, `{index: N}`, or `{any_of: [names]}` for an optional column.
    mutating func column(_ node: YAMLNode, path: String) -> TableLayout.ColumnRef? {
        if node.scalar != nil { return text(node, path: path).map { .name($0) } }
        guard node.pairs != nil else {
            problem(at: node, "\(path) must be a header name, {index: N} or {any_of: [names]}, not \(node.kindDescription)")
            return nil
        }
        guard let entries = mapping(node, path: path, allowed: ["index", "any_of"]) else { return nil }
        switch (entries["index"], entries["any_of"]) {
        case (let index?, nil):
            return integer(index, path: "\(path).index", range: 1...100_000).map { .index($0) }
        case (nil, let names?):
            return textList(names, path: "\(path).any_of").map { .anyOf($0) }
        default:
            problem(at: node, "\(path) must give either index or any_of")
            return nil
        }
    }

    /// A regular expression, checked to compile and to match in bounded time (``FormatKit/PatternSafety``).
    mutating func regex(_ node: YAMLNode, path: String) -> String? {
        guard let pattern = text(node, path: path) else { return nil }
        do { _ = try Regex(pattern) } catch {
            problem(at: node, "\(path): '\(pattern)' is not a valid regular expression")
            return nil
        }
        if let reason = PatternSafety.problem(in: pattern) {
            problem(at: node, "\(path): '\(pattern)' is refused: \(reason)")
            return nil
        }
        return pattern
    }
}
