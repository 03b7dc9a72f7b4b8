import FormatKit

/// Why an XML text could not be read or written.
public enum XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not well-formed XML (libxml2's parser refused it).
    case syntax(SourceLocation, reason: String)
    /// The text uses a construct the hub never reads: a document type declaration (DTD),
    /// which is also how entities, external entities and entity bombs are declared.
    case forbidden(SourceLocation, construct: String)
    /// A safety limit was hit: input size, nesting depth, text length or attribute count.
    case limitExceeded(SourceLocation, limit: String)
    /// The document breaks the XML Schema it is validated against.
    case schemaInvalid(SourceLocation, reason: String)
    /// The bytes could not be read from the input.
    case input(ImportError)

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .syntax(let location, _), .forbidden(let location, _), .limitExceeded(let location, _),
             .schemaInvalid(let location, _):
            location
        case .input(let error):
            error.location
        }
    }

    /// The stable code of the problem (`xml.syntax`, `xml.forbidden`, …).
    public var code: String {
        switch self {
        case .syntax: "xml.syntax"
        case .forbidden: "xml.forbidden"
        case .limitExceeded: "xml.limit-exceeded"
        case .schemaInvalid: "xml.schema-invalid"
        case .input(let error): error.code
        }
    }

    /// The problem in one sentence, without the location.
    public var message: String {
        switch self {
        case .syntax(_, let reason): reason
        case .forbidden(_, let construct): "\(construct) is not allowed: the hub never reads DTDs, entities or external resources"
        case .limitExceeded(_, let limit): "safety limit exceeded: \(limit)"
        case .schemaInvalid(_, let reason): "not valid against the schema: \(reason)"
        case .input(let error): error.message
        }
    }

    /// The same problem as an ``FormatKit/ImportError`` (`syntax`, `unsupported`, `limit-exceeded`, `invalid-value`).
    public var importError: ImportError {
        switch self {
        case .syntax(let location, _): .syntax(location, reason: message)
        case .forbidden(let location, _): .unsupported(location, reason: message)
        case .limitExceeded(let location, let limit): .limitExceeded(location, limit: limit)
        case .schemaInvalid(let location, _): .syntax(location, reason: message)
        case .input(let error): error
        }
    }

    /// `file:line:column: error [code]: message`.
    public var description: String { "\(location): error [\(code)]: \(message)" }
}
