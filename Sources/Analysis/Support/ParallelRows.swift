import Foundation

/// Spreads independent pieces of work over every core. Each piece writes only its own slots of
/// a shared output buffer, so no locking is needed and the result never depends on scheduling.
enum ParallelRows {
    /// Runs `work(piece)` for every piece in `0..<count` concurrently.
    static func run(_ count: Int, _ work: @Sendable (Int) -> Void) {
        if count <= 1 {
            if count == 1 { work(0) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: count, execute: work)
    }

    /// A reasonable number of pieces for `items` items: several per core so that uneven pieces
    /// balance out, and none smaller than `minimum` items.
    static func pieceCount(items: Int, minimum: Int) -> Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return max(1, min(cores * 8, items / max(minimum, 1)))
    }
}

/// A mutable buffer that concurrent pieces of work fill at disjoint indices.
///
/// Unchecked-sendable by contract: callers give every index to exactly one piece of work.
struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

    subscript(index: Int) -> Element {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}
