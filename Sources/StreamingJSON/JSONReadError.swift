import FormatKit

/// Why a JSON text could not be read. Every case but ``input(_:)`` carries the position of
/// the problem; messages say what was found and what was expected there.
public enum JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text holds no value at all (0 bytes or only whitespace).
    case emptyInput(at: JSONPosition)
    /// The text ends before the value is complete; `inside` names the open construct
    /// (`array starting at line 3, column 9`).
    case unexpectedEnd(inside: String, at: JSONPosition)
    /// A byte that the grammar does not allow here.
    case unexpectedCharacter(found: String, expected: String, at: JSONPosition)
    /// A number that breaks JSON's number grammar (`01`, `1.`, `+1`, `.5`, `1e`).
    case invalidNumber(String, at: JSONPosition)
    /// `NaN`, `Infinity`, `-Infinity`, or a number too large for a `Double` (`1e400`).
    case nonFiniteNumber(String, at: JSONPosition)
    /// A backslash escape JSON does not define, or a `\u` escape naming an unpaired surrogate.
    case invalidEscape(String, at: JSONPosition)
    /// Bytes inside a string that are not well-formed UTF-8.
    case invalidUTF8(at: JSONPosition)
    /// A raw control character (U+0000–U+001F) inside a string; JSON requires an escape.
    case controlCharacter(UInt8, at: JSONPosition)
    /// A safety limit from ``JSONReaderLimits`` was hit.
    case limitExceeded(String, at: JSONPosition)
    /// A helper such as ``JSONReader/readString()`` found another kind of value.
    case typeMismatch(expected: String, found: String, at: JSONPosition)
    /// ``JSONReader/expectKey(_:)`` found another key, or the end of the object.
    case unexpectedKey(expected: String, found: String, at: JSONPosition)
    /// An object names the same key twice where keys must be unique.
    case duplicateKey(String, at: JSONPosition)
    /// The underlying input failed (I/O, corrupt gzip, bad encoding), or the consumer
    /// rejected a value with its own error; carried through unchanged.
    case input(ImportError)

    /// Where the problem is; `nil` for ``input(_:)``, whose error has its own location.
    public var position: JSONPosition? {
        switch self {
        case .emptyInput(let at), .unexpectedEnd(_, let at), .unexpectedCharacter(_, _, let at),
             .invalidNumber(_, let at), .nonFiniteNumber(_, let at), .invalidEscape(_, let at),
             .invalidUTF8(let at), .controlCharacter(_, let at), .limitExceeded(_, let at),
             .typeMismatch(_, _, let at), .unexpectedKey(_, _, let at), .duplicateKey(_, let at):
            at
        case .input:
            nil
        }
    }

    /// What went wrong, in one sentence without the position.
    public var message: String {
        switch self {
        case .emptyInput: "the input holds no JSON value"
        case .unexpectedEnd(let inside, _): "unexpected end of input inside \(inside)"
        case .unexpectedCharacter(let found, let expected, _): "expected \(expected) but found \(found)"
        case .invalidNumber(let text, _): "'\(text)' is not a valid JSON number"
        case .nonFiniteNumber(let text, _): "'\(text)' is not a finite number"
        case .invalidEscape(let escape, _): "invalid escape \(escape) in a string"
        case .invalidUTF8: "a string holds bytes that are not valid UTF-8"
        case .controlCharacter(let byte, _):
            "a string holds the raw control character \(unicodeNotation(byte)); JSON requires it escaped"
        case .limitExceeded(let limit, _): "safety limit exceeded: \(limit)"
        case .typeMismatch(let expected, let found, _): "expected \(expected) but found \(found)"
        case .unexpectedKey(let expected, let found, _): "expected the key \"\(expected)\" but found \(found)"
        case .duplicateKey(let key, _): "the key \"\(key)\" occurs twice in one object"
        case .input(let error): error.message
        }
    }

    /// `line L, column C: message`.
    public var description: String {
        switch self {
        case .input(let error): error.description
        default: "\(position.map { "\($0): " } ?? "")\(message)"
        }
    }

    /// The error as an ``ImportError`` in `file`, at this error's line, column and byte
    /// offset, with the JSON pointer `path` of the value being read when known.
    ///
    /// Grammar errors become `syntax`, non-finite numbers and type mismatches `invalid-value`,
    /// bad UTF-8 `encoding`, limits `limit-exceeded`, no value at all `empty-input`;
    /// ``input(_:)`` returns its error unchanged.
    public func importError(file: String, path: String? = nil) -> ImportError {
        let location = position.map {
            SourceLocation(file: file, line: $0.line, column: $0.column, path: path, byteOffset: $0.offset)
        } ?? SourceLocation(file: file, path: path)
        switch self {
        case .emptyInput:
            return .emptyInput(location)
        case .unexpectedEnd, .unexpectedCharacter, .invalidNumber, .invalidEscape, .controlCharacter,
             .unexpectedKey, .duplicateKey:
            return .syntax(location, reason: message)
        case .nonFiniteNumber(let text, _):
            return .invalidValue(location, value: text, reason: "is not a finite number")
        case .typeMismatch(let expected, let found, _):
            return .invalidValue(location, value: found, reason: "is not allowed here; expected \(expected)")
        case .invalidUTF8:
            return .encoding(location, reason: message)
        case .limitExceeded(let limit, _):
            return .limitExceeded(location, limit: limit)
        case .input(let error):
            return error
        }
    }
}

/// `U+000A` for a byte below 0x80.
func unicodeNotation(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: 4 - digits.count) + digits
}
