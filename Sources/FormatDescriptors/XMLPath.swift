/// The XPath subset document descriptors use for XML: location paths of element names, with
/// an optional final attribute step.
///
/// - absolute (records and document values): `/report/sample/@id`, `/report/taxa/taxon`,
///   `//taxon` (a `taxon` element at any depth), `/report//taxon`;
/// - relative to a record (fields): `@name`, `abundance`, `abundance/@unit`, `.` (the record's
///   own text), `../@id` (an attribute of the enclosing record).
struct XMLPath: Hashable {
    /// The element steps; `descendant` before a step means `//`.
    struct Step: Hashable {
        var name: String
        var descendant: Bool
    }

    let steps: [Step]
    /// The attribute named by a final `@name` step, else `nil` (the element's text).
    let attribute: String?
    /// Whether the path starts at the enclosing record (`../`).
    let parent: Bool

    /// Parses `text`; `nil` when it is not in the subset.
    init?(_ text: String) {
        var rest = Substring(text)
        var steps: [Step] = []
        var attribute: String?
        var parent = false
        if rest.hasPrefix("../") {
            parent = true
            rest = rest.dropFirst(3)
        }
        var descendant = false
        if rest.hasPrefix("//") {
            descendant = true
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("/") {
            rest = rest.dropFirst()
        }
        if rest == "." { rest = "" }
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            let step = rest[..<end]
            rest = rest[end...]
            if step.hasPrefix("@") {
                guard rest.isEmpty, Self.isName(step.dropFirst()) else { return nil }
                attribute = String(step.dropFirst())
            } else {
                guard Self.isName(step) else { return nil }
                steps.append(Step(name: String(step), descendant: descendant))
            }
            descendant = false
            if rest.hasPrefix("//") {
                descendant = true
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("/") {
                rest = rest.dropFirst()
                if rest.isEmpty { return nil }
            }
        }
        guard !parent || steps.isEmpty else { return nil }
        self.steps = steps
        self.attribute = attribute
        self.parent = parent
    }

    /// Whether the element path `stack` (names from the root) is matched by this absolute path.
    func matches(_ stack: ArraySlice<String>) -> Bool {
        Self.match(steps[...], stack)
    }

    private static func match(_ steps: ArraySlice<Step>, _ stack: ArraySlice<String>) -> Bool {
        guard let step = steps.first else { return stack.isEmpty }
        if step.descendant {
            for start in stack.indices where stack[start] == step.name {
                if match(steps.dropFirst(), stack[(start + 1)...]) { return true }
            }
            return false
        }
        guard stack.first == step.name else { return false }
        return match(steps.dropFirst(), stack.dropFirst())
    }

    private static func isName(_ text: Substring) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || "_-.:".contains($0) }
    }
}
