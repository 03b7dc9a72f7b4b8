/// Reading an array whose elements are all arrays of numbers (a BIOM table's `data`:
/// millions of `[row, column, value]` triples) without per-element token and container
/// bookkeeping.
extension JSONReader {
    /// Reads the elements of the array just opened, each an array of numbers, handing each
    /// one's values to `body`; returns `true` after the array's closing `]`, or `false` as soon
    /// as `body` returns `false` (the reader then stands just after that element, so
    /// ``tokenPosition`` and ``path`` point at it).
    ///
    /// Reads exactly what `while try nextElement() { try readNumberArray(into:) }` reads,
    /// with the same errors at the same positions: elements on one line of the buffer, with
    /// at most spaces between tokens and numbers that take the fast path, are scanned in one
    /// tight loop; any other element (a line break, a chunk boundary, a number that is long,
    /// malformed or not finite, an element that is not an array) is read again by
    /// ``readNumberArray(into:)``, which also reports its errors.
    public mutating func readNumberArrays(into values: inout [Double],
                                          _ body: (_ values: [Double]) -> Bool) throws(JSONReadError) -> Bool {
        while true {
            values.removeAll(keepingCapacity: true)
            if !hasPeeked, state == .arrayFirst || state == .arrayNext, depth < limits.maxDepth,
               scanPlainNumberArray(into: &values) {
                if !body(values) { return false }
                continue
            }
            values.removeAll(keepingCapacity: true)
            guard try nextElement() else { return true }
            try readNumberArray(into: &values)
            if !body(values) { return false }
        }
    }

    /// Scans the next element, `[n, n, …]`, when it lies wholly in the buffer and is plain
    /// (only spaces between tokens, at least one number, every number complete and finite);
    /// then consumes it and returns `true`. Otherwise consumes nothing and returns `false`.
    private mutating func scanPlainNumberArray(into values: inout [Double]) -> Bool {
        let expectsComma = state == .arrayNext
        let maxNumberBytes = limits.maxNumberBytes
        let scanned: (closing: Int, end: Int)? = buffer.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var cursor = index
            func skipSpaces() { while cursor < count, bytes[cursor] == 0x20 { cursor += 1 } }
            skipSpaces()
            if expectsComma {
                guard cursor < count, bytes[cursor] == UInt8(ascii: ",") else { return nil }
                cursor += 1
                skipSpaces()
            }
            guard cursor < count, bytes[cursor] == UInt8(ascii: "[") else { return nil }
            cursor += 1
            while true {
                skipSpaces()
                let (parsed, end) = NumberGrammar.parse(bytes, from: cursor)
                guard let parsed, end < count, end - cursor <= maxNumberBytes, parsed.double.isFinite else { return nil }
                values.append(parsed.double)
                cursor = end
                skipSpaces()
                guard cursor < count else { return nil }
                if bytes[cursor] == UInt8(ascii: "]") { return (cursor, cursor + 1) }
                guard bytes[cursor] == UInt8(ascii: ",") else { return nil }
                cursor += 1
            }
        }
        guard let scanned else { return false }
        // The state the token-by-token path leaves: the element counted, its `]` the last token.
        innermost?.elementCount += 1
        tokenPosition = position(at: scanned.closing)
        index = scanned.end
        afterCarriageReturn = false
        state = .arrayNext
        return true
    }
}
