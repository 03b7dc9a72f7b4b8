/// Where a YAML problem is: the file name and a 1-based line and column.
public struct YAMLLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var mark: YAMLMark

    public init(file: String, mark: YAMLMark) {
        self.file = file
        self.mark = mark
    }

    public var description: String { "\(file):\(mark.line):\(mark.column)" }
}

/// Why a YAML text could not be read.
public enum YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not well-formed YAML (libyaml's scanner or parser refused it).
    case syntax(YAMLLocation, reason: String)
    /// An alias names an anchor that was not defined before it.
    case undefinedAlias(YAMLLocation, anchor: String)
    /// A safety limit was hit: input size, nesting depth, node count or alias expansion.
    case limitExceeded(YAMLLocation, limit: String)
    /// The file holds no document where one was required.
    case noDocument(YAMLLocation)
    /// The file holds more than one document where one was required.
    case multipleDocuments(YAMLLocation)
    /// A mapping holds the same key twice (found by ``YAMLStrictness``).
    case duplicateKey(YAMLLocation, key: String)
    /// A node carries a tag outside the YAML core schema (found by ``YAMLStrictness``).
    case unknownTag(YAMLLocation, tag: String)
    /// A mapping key is not a plain text scalar (found by ``YAMLStrictness``).
    case nonTextKey(YAMLLocation)

    /// Where the problem is.
    public var location: YAMLLocation {
        switch self {
        case .syntax(let location, _), .undefinedAlias(let location, _), .limitExceeded(let location, _),
             .noDocument(let location), .multipleDocuments(let location), .duplicateKey(let location, _),
             .unknownTag(let location, _), .nonTextKey(let location):
            location
        }
    }

    /// The stable code of the problem (`yaml.syntax`, `yaml.limit-exceeded`, …).
    public var code: String {
        switch self {
        case .syntax: "yaml.syntax"
        case .undefinedAlias: "yaml.undefined-alias"
        case .limitExceeded: "yaml.limit-exceeded"
        case .noDocument: "yaml.no-document"
        case .multipleDocuments: "yaml.multiple-documents"
        case .duplicateKey: "yaml.duplicate-key"
        case .unknownTag: "yaml.unknown-tag"
        case .nonTextKey: "yaml.non-text-key"
        }
    }

    /// The problem in one sentence, without the location.
    public var message: String {
        switch self {
        case .syntax(_, let reason): reason
        case .undefinedAlias(_, let anchor): "alias *\(anchor) refers to an anchor that is not defined before it"
        case .limitExceeded(_, let limit): "safety limit exceeded: \(limit)"
        case .noDocument: "the file holds no YAML document"
        case .multipleDocuments: "the file holds more than one YAML document"
        case .duplicateKey(_, let key): "the key \"\(key)\" occurs twice in one mapping"
        case .unknownTag(_, let tag): "the tag '\(tag)' is not one of the YAML core schema (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq)"
        case .nonTextKey: "a mapping key must be a text scalar"
        }
    }

    /// `file:line:column: error [code]: message`.
    public var description: String { "\(location): error [\(code)]: \(message)" }
}
