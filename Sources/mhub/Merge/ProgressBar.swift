import Foundation
import FormatKit

/// A one-line progress bar on standard error (files done, rate, time left), drawn only when
/// standard error is a terminal and redrawn at most ten times a second.
struct ProgressBar {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private var lastDrawn = Date.distantPast

    init(total: Int, label: String, enabled: Bool = isatty(FileHandle.standardError.fileDescriptor) != 0) {
        self.total = total
        self.label = label
        self.enabled = enabled && total > 1
    }

    /// Shows that `done` of the items are finished.
    mutating func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(start), 1e-3)
        let rate = Double(done) / elapsed
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let width = 30, filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let line = String(format: "\r[%@] %d/%d %@, %.0f/s, ETA %.0f s ", bar, done, total, label, rate, remaining)
        StandardStreams.writeError(line)
    }

    /// Clears the bar so that the next line starts clean.
    func finish() {
        guard enabled else { return }
        StandardStreams.writeError("\r" + String(repeating: " ", count: 79) + "\r")
    }
}
