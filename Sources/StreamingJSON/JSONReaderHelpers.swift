/// Helpers that read one expected shape and fail with a precise error otherwise.
extension JSONReader {
    /// Reads `{`.
    public mutating func expectBeginObject() throws(JSONReadError) {
        let token = try next()
        guard case .beginObject = token else { throw mismatch(expected: "an object", found: token) }
    }

    /// Reads `[`.
    public mutating func expectBeginArray() throws(JSONReadError) {
        let token = try next()
        guard case .beginArray = token else { throw mismatch(expected: "an array", found: token) }
    }

    /// Reads `]`.
    public mutating func expectEndArray() throws(JSONReadError) {
        let token = try next()
        guard case .endArray = token else { throw mismatch(expected: "']'", found: token) }
    }

    /// Reads `}`.
    public mutating func expectEndObject() throws(JSONReadError) {
        let token = try next()
        guard case .endObject = token else { throw mismatch(expected: "'}'", found: token) }
    }

    /// Checks that nothing but whitespace follows the top-level value.
    public mutating func expectEndOfInput() throws(JSONReadError) {
        let token = try next()
        guard case .endOfInput = token else { throw mismatch(expected: "the end of the input", found: token) }
    }

    /// The next key of the current object, or `nil` after reading its closing `}`.
    ///
    /// Typical use: `try reader.expectBeginObject(); while let key = try reader.nextKey() { … read the value … }`.
    public mutating func nextKey() throws(JSONReadError) -> String? {
        let token = try next()
        switch token {
        case .key(let key): return key
        case .endObject: return nil
        default: throw .typeMismatch(expected: "an object member", found: token.description, at: tokenPosition)
        }
    }

    /// Reads the next key and checks that it is `name`.
    public mutating func expectKey(_ name: String) throws(JSONReadError) {
        let token = try next()
        switch token {
        case .key(name): return
        case .key(let other): throw .unexpectedKey(expected: name, found: "\"\(other)\"", at: tokenPosition)
        case .endObject: throw .unexpectedKey(expected: name, found: "the end of the object", at: tokenPosition)
        default: throw .typeMismatch(expected: "the key \"\(name)\"", found: token.description, at: tokenPosition)
        }
    }

    /// Whether the current array has another element; reads its closing `]` when not.
    ///
    /// Typical use: `try reader.expectBeginArray(); while try reader.nextElement() { … read one value … }`.
    public mutating func nextElement() throws(JSONReadError) -> Bool {
        if !hasPeeked, state == .arrayFirst || state == .arrayNext {
            // Fast path: look at the separator without making a token.
            try skipWhitespace()
            let byte = try currentByte()
            if byte == UInt8(ascii: "]") {
                tokenPosition = position(at: index)
                _ = closeContainer()
                return false
            }
            if state == .arrayFirst { return true }
            guard byte == UInt8(ascii: ",") else { throw unexpected(byte, expected: "',' or ']'") }
            index += 1
            state = .arrayValue
            return true
        }
        let token = try peek()
        switch token {
        case .endArray:
            _ = try next()
            return false
        case .key, .endObject, .endOfInput:
            throw .typeMismatch(expected: "an array element or ']'", found: token.description, at: tokenPosition)
        default:
            return true
        }
    }

    /// Reads a string value.
    public mutating func readString() throws(JSONReadError) -> String {
        let token = try next()
        guard case .string(let text) = token else { throw mismatch(expected: "a string", found: token) }
        return text
    }

    /// Reads a string value, or `null` as `nil`.
    public mutating func readOptionalString() throws(JSONReadError) -> String? {
        let token = try next()
        switch token {
        case .string(let text): return text
        case .null: return nil
        default: throw mismatch(expected: "a string or null", found: token)
        }
    }

    /// Reads a number value with its text.
    public mutating func readNumber() throws(JSONReadError) -> JSONNumber {
        let token = try next()
        guard case .number(let number) = token else { throw mismatch(expected: "a number", found: token) }
        return number
    }

    /// Reads a number value as a `Double`.
    public mutating func readDouble() throws(JSONReadError) -> Double {
        try readNumber().double
    }

    /// Reads a number written as an integer that fits an `Int64` (`5`, not `5.0`).
    public mutating func readInt64() throws(JSONReadError) -> Int64 {
        let token = try next()
        guard case .number(let number) = token, let value = number.int64 else {
            throw mismatch(expected: "an integer", found: token)
        }
        return value
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws(JSONReadError) -> Bool {
        let token = try next()
        guard case .bool(let value) = token else { throw mismatch(expected: "true or false", found: token) }
        return value
    }

    /// Skips one whole value, however deeply nested.
    public mutating func skipValue() throws(JSONReadError) {
        let token = try next()
        switch token {
        case .beginArray, .beginObject:
            let outerDepth = depth - 1
            while depth > outerDepth { _ = try next() }
        case .key, .endArray, .endObject, .endOfInput:
            throw mismatch(expected: "a value", found: token)
        case .string, .number, .bool, .null:
            return
        }
    }

    /// Reads one whole value into memory. Objects with a repeated key are rejected.
    /// Memory grows with the value, so use it for small parts of a document only.
    public mutating func readValue() throws(JSONReadError) -> JSONValue {
        try value(startingWith: try next())
    }

    private mutating func value(startingWith token: JSONToken) throws(JSONReadError) -> JSONValue {
        switch token {
        case .string(let text): return .string(text)
        case .number(let number): return .number(number)
        case .bool(let value): return .bool(value)
        case .null: return .null
        case .beginArray:
            var elements: [JSONValue] = []
            while true {
                let element = try next()
                if case .endArray = element { return .array(elements) }
                elements.append(try value(startingWith: element))
            }
        case .beginObject:
            var members: [String: JSONValue] = [:]
            while let key = try nextKey() {
                let keyPosition = tokenPosition
                let member = try readValue()
                guard members.updateValue(member, forKey: key) == nil else { throw .duplicateKey(key, at: keyPosition) }
            }
            return .object(members)
        case .key, .endArray, .endObject, .endOfInput:
            throw mismatch(expected: "a value", found: token)
        }
    }

    /// Reads an array of numbers, `[1, 2.5, 3e2]`, appending their values to `values`.
    ///
    /// This is the fast path for bulk numeric data (a BIOM table's `[row, column, value]`
    /// triples, a dense row): it parses straight from the buffer without making tokens.
    public mutating func readNumberArray(into values: inout [Double]) throws(JSONReadError) {
        try openArrayValue()
        try skipWhitespace()
        if try currentByte() == UInt8(ascii: "]") {
            tokenPosition = position(at: index)
            _ = closeContainer()
            return
        }
        while true {
            innermost?.elementCount += 1
            let byte = index < buffer.count ? buffer[index] : try currentByte()
            guard let byte, byte == UInt8(ascii: "-") || (byte &- UInt8(ascii: "0")) < 10 else {
                tokenPosition = position(at: index)
                throw try notANumber(byte)
            }
            values.append(try scanNumberValue().0.double)
            try skipWhitespace()
            let separator = index < buffer.count ? buffer[index] : try currentByte()
            if separator == UInt8(ascii: ",") {
                index += 1
                try skipWhitespace()
            } else if separator == UInt8(ascii: "]") {
                tokenPosition = position(at: index)
                _ = closeContainer()
                return
            } else {
                throw unexpected(separator, expected: "',' or ']'")
            }
        }
    }

    /// Reads the `[` of the value that comes next; without making a token when possible.
    private mutating func openArrayValue() throws(JSONReadError) {
        let expectsValue = switch state {
        case .topLevel, .objectValue, .arrayValue, .arrayFirst: true
        case .arrayNext, .objectFirst, .objectNext, .done: false
        }
        if !hasPeeked, expectsValue {
            try skipWhitespace()
            if try currentByte() == UInt8(ascii: "[") {
                tokenPosition = position(at: index)
                countElement()
                try openContainer(isArray: true)
                return
            }
        }
        try expectBeginArray()
    }

    /// The error for a value that should have been a number and starts with `byte`.
    private mutating func notANumber(_ byte: UInt8?) throws(JSONReadError) -> JSONReadError {
        guard let byte else { return endOfInputError() }
        try rejectNonFiniteLiteral()
        let kind: String? = switch byte {
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: nil
        }
        guard let kind else { return unexpected(byte, expected: "a number") }
        return .typeMismatch(expected: "a number", found: kind, at: tokenPosition)
    }

    private func mismatch(expected: String, found token: JSONToken) -> JSONReadError {
        .typeMismatch(expected: expected, found: token.description, at: tokenPosition)
    }
}
