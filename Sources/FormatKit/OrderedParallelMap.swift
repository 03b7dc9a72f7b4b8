import Foundation

/// Work spread over every core with results kept in input order, so that what importers and
/// exporters produce never depends on the number of cores or on scheduling.
public enum OrderedParallelMap {
    /// `transform(0) … transform(count - 1)`, computed concurrently, in index order.
    public static func map<Result: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        let results = Results<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.store(transform(index), at: index) }
        return results.all
    }

    /// `transform(0) … transform(count - 1)` in index order, computed in runs of `runLength`
    /// indices spread over every core (one hand-off per run rather than per index).
    public static func map<Result: Sendable>(_ count: Int, runLength: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        let runs = map((count + runLength - 1) / runLength) { run in
            (run * runLength..<min((run + 1) * runLength, count)).map(transform)
        }
        return Array(runs.joined())
    }

    /// Results filled in by index from several threads.
    private final class Results<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func store(_ value: Result, at index: Int) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        /// Every result; each index was stored exactly once by `concurrentPerform`.
        var all: [Result] { lock.lock(); defer { lock.unlock() }; return values.map { $0! } }
    }
}
