/// Reading the literal words `true`, `false` and `null`, and recognising the non-JSON
/// words some writers emit for non-finite numbers.
extension JSONReader {
    /// Reads the literal `word` at `index`.
    mutating func expectLiteral(_ word: StaticString) throws(JSONReadError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        try fill(atLeast: expected.count)
        for (offset, byte) in expected.enumerated() {
            guard index + offset < buffer.count else {
                index = buffer.count
                throw endOfInputError()
            }
            guard buffer[index + offset] == byte else {
                throw .unexpectedCharacter(found: Self.describe(buffer[index + offset]), expected: "the literal '\(word)'",
                                           at: position(at: index + offset))
            }
        }
        index += expected.count
    }

    /// Throws ``JSONReadError/nonFiniteNumber(_:at:)`` when `NaN`, `Infinity` or `-Infinity`
    /// starts at `index` (Python's `json` module writes them); returns otherwise.
    mutating func rejectNonFiniteLiteral() throws(JSONReadError) {
        for word in ["NaN", "Infinity", "-Infinity"] {
            let bytes = Array(word.utf8)
            try fill(atLeast: bytes.count)
            if buffer[index...].starts(with: bytes) { throw .nonFiniteNumber(word, at: position(at: index)) }
        }
    }

    /// Makes at least `count` bytes available from `index`, unless the input ends first.
    mutating func fill(atLeast count: Int) throws(JSONReadError) {
        while buffer.count - index < count {
            guard try refill(keepingFrom: index) != nil else { return }
        }
    }
}
