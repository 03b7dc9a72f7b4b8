import Dispatch
import Foundation

/// A one-line note on standard error for a single long conversion: once it has run for a
/// while (two seconds, or `MHUB_PROGRESS_AFTER` seconds), the phase it is in and the time so
/// far, redrawn twice a second and on each new phase; drawn only when standard error is a
/// terminal, and cleared when the work ends. Short runs print nothing.
final class PhaseProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private let delay: Double
    private var phase: String
    private var timer: (any DispatchSourceTimer)?
    private var drawn = false

    /// Starts watching; `phase` names what runs first (`reading input.biom`).
    init(phase: String, enabled: Bool = isatty(FileHandle.standardError.fileDescriptor) != 0,
         delay: Double = ProcessInfo.processInfo.environment["MHUB_PROGRESS_AFTER"].flatMap(Double.init) ?? 2) {
        self.phase = phase
        self.delay = max(0, delay)
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + self.delay, repeating: 0.5)
        timer.setEventHandler { [weak self] in self?.lock.withLock { self?.draw() } }
        self.timer = timer
        timer.resume()
    }

    /// The work has moved on to `phase`.
    func enter(_ phase: String) {
        lock.withLock {
            self.phase = phase
            if Date().timeIntervalSince(start) >= delay { draw() }
        }
    }

    /// Stops drawing and clears the line, so that what is printed next starts clean.
    func finish() {
        lock.withLock {
            timer?.cancel()
            timer = nil
            if drawn { FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 79) + "\r").utf8)) }
            drawn = false
        }
    }

    deinit { timer?.cancel() }

    /// Draws the line; the caller holds the lock.
    private func draw() {
        guard timer != nil else { return }
        let line = "mhub: \(phase) … \(Int(Date().timeIntervalSince(start))) s"
        let shown = line.count > 78 ? String(line.prefix(77)) + "…" : line
        FileHandle.standardError.write(Data(("\r" + shown.padding(toLength: 79, withPad: " ", startingAt: 0)).utf8))
        drawn = true
    }
}
