import Foundation

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
        while try nextNumberArray(into: &values) {
            if !body(values) { return false }
        }
        return true
    }

    /// Reads like ``readNumberArrays(into:_:)``, but hands long runs of plain elements to
    /// copies of `empty` on two threads: the buffered text is split after an element's `]`,
    /// each half is scanned into its own collector, and the collectors go to `merge` in text
    /// order, so what `merge` sees never depends on scheduling.
    ///
    /// A collector takes elements in order until one is not plain or it declines one; the
    /// reader then continues on the calling thread from that element with `body`, exactly as
    /// ``readNumberArrays(into:_:)`` would, so errors and their positions are the same. For
    /// that, `collect` must accept precisely the elements `body` accepts, and `merge` of what
    /// it collected must have the effect of `body` on each of them.
    public mutating func readNumberArrays<Collector: NumberArrayCollector>(
        collecting empty: Collector, merge: (Collector) -> Void,
        into values: inout [Double], _ body: (_ values: [Double]) -> Bool
    ) throws(JSONReadError) -> Bool {
        /// Where in the text the buffer was last found not worth splitting (irregular near the start).
        var declinedBufferStart = -1
        while true {
            if canScanPlainElement, buffer.count - index >= Self.parallelRunBytes, declinedBufferStart != bufferStart {
                let runs = scanPlainRuns(collecting: empty)
                for run in runs.prefix(runs.first!.reachedLimit ? 2 : 1) where run.elementCount > 0 {
                    merge(run.collector)
                    innermost?.elementCount += run.elementCount
                    tokenPosition = position(at: run.end - 1)
                    index = run.end
                    afterCarriageReturn = false
                    state = .arrayNext
                }
                if !runs[0].reachedLimit { declinedBufferStart = bufferStart }
                if runs[0].elementCount > 0 { continue }
            }
            guard try nextNumberArray(into: &values) else { return true }
            if !body(values) { return false }
        }
    }

    /// Buffered bytes below which splitting the work is not worth a thread hand-off.
    static var parallelRunBytes: Int { 1 << 16 }

    /// Whether the next element may be scanned as a plain array here: nothing peeked, inside
    /// an array, and room for one more level of nesting.
    private var canScanPlainElement: Bool {
        !hasPeeked && (state == .arrayFirst || state == .arrayNext) && depth < limits.maxDepth
    }

    /// Reads the next element into `values`; `false` after the array's closing `]`.
    private mutating func nextNumberArray(into values: inout [Double]) throws(JSONReadError) -> Bool {
        values.removeAll(keepingCapacity: true)
        if canScanPlainElement, scanPlainNumberArray(into: &values) { return true }
        values.removeAll(keepingCapacity: true)
        guard try nextElement() else { return false }
        try readNumberArray(into: &values)
        return true
    }

    /// Scans the next element, `[n, n, …]`, when it lies wholly in the buffer and is plain
    /// (only spaces between tokens, at least one number, every number complete and finite);
    /// then consumes it and returns `true`. Otherwise consumes nothing and returns `false`.
    private mutating func scanPlainNumberArray(into values: inout [Double]) -> Bool {
        let expectsComma = state == .arrayNext
        let maxNumberBytes = limits.maxNumberBytes
        let start = index
        guard let end = buffer.withUnsafeBufferPointer({ bytes in
            Self.scanPlainElement(bytes, from: start, expectsComma: expectsComma, maxNumberBytes: maxNumberBytes, into: &values)
        }) else { return false }
        // The state the token-by-token path leaves: the element counted, its `]` the last token.
        innermost?.elementCount += 1
        tokenPosition = position(at: end - 1)
        index = end
        afterCarriageReturn = false
        state = .arrayNext
        return true
    }

    /// Scans one plain element starting at `start` (after a `,` when `expectsComma`) and
    /// returns the index just past its `]`, or `nil` when the element is not plain or does not
    /// end before `bytes` does.
    private static func scanPlainElement(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, expectsComma: Bool,
                                         maxNumberBytes: Int, into values: inout [Double]) -> Int? {
        let count = bytes.count
        var cursor = start
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
            if bytes[cursor] == UInt8(ascii: "]") { return cursor + 1 }
            guard bytes[cursor] == UInt8(ascii: ",") else { return nil }
            cursor += 1
        }
    }

    /// A run of consecutive plain elements one thread scanned and collected.
    private struct PlainRun<Collector: NumberArrayCollector>: Sendable {
        var collector: Collector
        var elementCount = 0
        /// The buffer index just past the run's last element.
        var end: Int
        /// Whether the run went all the way to the end of its part of the buffer.
        var reachedLimit = false
    }

    /// Scans the buffered elements from `index` on two threads: the first half up to and
    /// including the first `]` at or after the middle, the second half from there. The second
    /// run continues the first only when the first reached its limit (then that `]` closed a
    /// plain element, so the split lies between two elements).
    private func scanPlainRuns<Collector: NumberArrayCollector>(collecting empty: Collector) -> [PlainRun<Collector>] {
        let start = index, expectsComma = state == .arrayNext, maxNumberBytes = limits.maxNumberBytes
        return buffer.withUnsafeBufferPointer { bytes in
            let middle = start + (bytes.count - start) / 2
            let split = bytes[middle...].firstIndex(of: UInt8(ascii: "]")).map { $0 + 1 } ?? bytes.count
            let parts = [(start, split, expectsComma), (split, bytes.count, true)]
            let text = SharedBytes(bytes: bytes)
            let runs = RunSlots<Collector>(count: parts.count)
            DispatchQueue.concurrentPerform(iterations: parts.count) { part in
                let (from, limit, comma) = parts[part]
                runs.store(Self.scanPlainRun(UnsafeBufferPointer(rebasing: text.bytes[..<limit]), from: from, expectsComma: comma,
                                             maxNumberBytes: maxNumberBytes, collecting: empty), at: part)
            }
            return runs.all
        }
    }

    /// Scans plain elements from `start` until one is not plain, `collector` declines one, or
    /// `bytes` end.
    private static func scanPlainRun<Collector: NumberArrayCollector>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, expectsComma: Bool, maxNumberBytes: Int,
        collecting empty: Collector
    ) -> PlainRun<Collector> {
        var run = PlainRun(collector: empty, end: start)
        var values: [Double] = []
        var comma = expectsComma
        while run.end < bytes.count {
            values.removeAll(keepingCapacity: true)
            guard let end = scanPlainElement(bytes, from: run.end, expectsComma: comma, maxNumberBytes: maxNumberBytes, into: &values),
                  run.collector.collect(values) else { return run }
            run.elementCount += 1
            run.end = end
            comma = true
        }
        run.reachedLimit = true
        return run
    }

    /// The buffer, read-only while the threads scan it.
    private struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// Each thread's run, stored under a lock.
    private final class RunSlots<Collector: NumberArrayCollector>: @unchecked Sendable {
        private let lock = NSLock()
        private var runs: [PlainRun<Collector>?]

        init(count: Int) { runs = Array(repeating: nil, count: count) }

        func store(_ run: PlainRun<Collector>, at slot: Int) {
            lock.lock()
            runs[slot] = run
            lock.unlock()
        }

        /// Every run; `concurrentPerform` stored each slot exactly once.
        var all: [PlainRun<Collector>] { lock.lock(); defer { lock.unlock() }; return runs.map { $0! } }
    }
}

/// What the threads of ``JSONReader/readNumberArrays(collecting:merge:into:_:)`` gather: each
/// starts from a copy of an empty collector and takes the elements of its part of the text in order.
public protocol NumberArrayCollector: Sendable {
    /// Takes one element's numbers and returns `true`, or returns `false` and changes nothing
    /// when the element is not one it takes (the reader then reads it again on the calling thread).
    mutating func collect(_ values: [Double]) -> Bool
}
