import Foundation

/// Work spread over every core with results kept in input order, so that what importers and
/// exporters produce never depends on the number of cores or on scheduling. Inlinable, so that
/// callers in other modules get it specialised for their result type.
public enum OrderedParallelMap {
    /// `transform(0) … transform(count - 1)`, computed concurrently, in index order.
    @inlinable
    public static func map<Result: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        let results = Results<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.store(transform(index), at: index) }
        return results.all
    }

    /// `transform(0) … transform(count - 1)` in index order, computed in runs of `runLength`
    /// indices spread over every core (one hand-off per run rather than per index).
    @inlinable
    public static func map<Result: Sendable>(_ count: Int, runLength: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        let runs = map((count + runLength - 1) / runLength) { run in
            (run * runLength..<min((run + 1) * runLength, count)).map(transform)
        }
        return Array(runs.joined())
    }

    /// Results filled in by index from several threads.
    @usableFromInline
    final class Results<Result: Sendable>: @unchecked Sendable {
        @usableFromInline let lock = NSLock()
        @usableFromInline var values: [Result?]

        @usableFromInline
        init(count: Int) { values = Array(repeating: nil, count: count) }

        @inlinable
        func store(_ value: Result, at index: Int) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        /// Every result; each index was stored exactly once by `concurrentPerform`.
        @inlinable
        var all: [Result] { lock.lock(); defer { lock.unlock() }; return values.map { $0! } }
    }
}
