import Foundation
import FormatKit

/// Reads a table's records on a thread of their own while the caller consumes them: reading
/// lines and splitting fields on one core, turning cells into values on the other.
///
/// Records come out of ``next()`` in input order, and a reading error comes out only after
/// every record before it, exactly where ``RecordReader/next()`` would have thrown it, so
/// errors and their positions are those of reading and consuming one record at a time.
/// At most a few batches of records wait at any time, so memory stays bounded. The caller
/// must call ``stop()`` when done (also after an error): it ends the reading thread and waits for it.
final class RecordPipeline: @unchecked Sendable {
    /// Records handed over at a time, and batches that may wait before the reader pauses.
    private static let batchSize = 32
    private static let maxWaitingBatches = 8

    // Shared state: only touched with `condition` locked.
    private let condition = NSCondition()
    private var waiting: [[TableRecord]] = []
    private var readingEnded = false
    private var stopRequested = false
    private var failure: ImportError?
    private var reader: RecordReader

    // The consumer's own state.
    private var current: [TableRecord] = []
    private var currentIndex = 0

    /// Starts reading the records that follow in `reader` on a new thread.
    init(reader: RecordReader) {
        self.reader = reader
        Thread { [self] in produce() }.start()
    }

    /// The next record in input order, or `nil` after the last one; throws what reading it threw.
    func next() throws(ImportError) -> TableRecord? {
        if currentIndex == current.count {
            condition.lock()
            while waiting.isEmpty && !readingEnded { condition.wait() }
            if waiting.isEmpty {
                let failure = failure
                condition.unlock()
                if let failure { throw failure }
                return nil
            }
            current = waiting.removeFirst()
            condition.broadcast()
            condition.unlock()
            currentIndex = 0
        }
        currentIndex += 1
        return current[currentIndex - 1]
    }

    /// The first line read as Windows-1252, once ``next()`` has returned `nil`.
    var firstWindows1252Line: Int? {
        condition.lock()
        defer { condition.unlock() }
        return readingEnded ? reader.firstWindows1252Line : nil
    }

    /// Ends reading early and waits until the reading thread has finished.
    func stop() {
        condition.lock()
        stopRequested = true
        condition.broadcast()
        while !readingEnded { condition.wait() }
        condition.unlock()
    }

    /// The reading thread: reads batches of records until the end, an error, or ``stop()``.
    private func produce() {
        condition.lock()
        var reader = self.reader
        condition.unlock()
        var batch: [TableRecord] = []
        var failure: ImportError?
        while true {
            do throws(ImportError) {
                guard let record = try reader.next() else { break }
                batch.append(record)
            } catch {
                failure = error
                break
            }
            if batch.count == Self.batchSize {
                guard hand(batch) else { break }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { _ = hand(batch) }
        condition.lock()
        self.reader = reader
        self.failure = failure
        readingEnded = true
        condition.broadcast()
        condition.unlock()
    }

    /// Queues a batch, waiting while enough are queued; `false` once ``stop()`` was asked.
    private func hand(_ batch: [TableRecord]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.maxWaitingBatches && !stopRequested { condition.wait() }
        guard !stopRequested else { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }
}
