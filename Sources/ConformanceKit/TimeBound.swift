import Foundation

/// Runs plugin code on its own thread and stops waiting for it after a time limit.
///
/// A thread cannot be killed, so a plugin that hangs keeps its thread busy after the limit.
/// In-process runs accept that and go on; isolated runs end the worker process after a
/// hang and start a fresh one (see ``IsolatedRunner``).
enum TimeBound {
    /// The body's result, or `nil` when it did not finish within `seconds`.
    static func run<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
        let slot = ResultSlot<T>()
        let thread = Thread {
            slot.store(body())
        }
        // Parsers of nested formats recurse; give them the main thread's stack size.
        thread.stackSize = 8 << 20
        thread.start()
        return slot.wait(seconds: seconds)
    }
}

/// A value handed from one thread to another, with a wait that can time out.
private final class ResultSlot<T: Sendable>: @unchecked Sendable {
    private let lock = NSCondition()
    private var value: T?

    func store(_ newValue: T) {
        lock.lock()
        value = newValue
        lock.signal()
        lock.unlock()
    }

    func wait(seconds: Double) -> T? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        lock.lock()
        defer { lock.unlock() }
        while value == nil {
            if !lock.wait(until: deadline) { break }
        }
        return value
    }
}
