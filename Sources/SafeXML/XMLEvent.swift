import FormatKit

/// One attribute of an element, as written (entity and character references resolved).
public struct XMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A start tag: the element's local name, namespace, attributes and the line it is on.
public struct XMLElementStart: Sendable, Hashable {
    public var name: String
    /// The namespace URI, `nil` when the element is in no namespace.
    public var namespace: String?
    /// The attributes in document order; namespace declarations are left out.
    public var attributes: [XMLAttribute]
    /// The 1-based line of the start tag.
    public var line: Int

    /// The value of the attribute called `name`, if present.
    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}

/// One step of a streamed XML document.
public enum XMLEvent: Sendable, Hashable {
    /// An element starts (an empty element `<a/>` is a start followed at once by its end).
    case start(XMLElementStart)
    /// The innermost open element ends.
    case end(name: String)
    /// Character data (text, CDATA or whitespace) inside the innermost element, at a line.
    case text(String, line: Int)
}
