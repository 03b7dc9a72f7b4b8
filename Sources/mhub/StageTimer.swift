import Foundation

/// Wall-clock time of each stage of a command, printed on standard error with `--timings`
/// (`mhub: timing [stage]: 0.123 s`), so that a benchmark can tell reading, computing and
/// writing apart.
final class StageTimer {
    private let enabled: Bool
    private var last = Date()

    init(enabled: Bool) { self.enabled = enabled }

    /// Reports the time since the previous mark (or the start) as `stage`.
    func mark(_ stage: String) {
        let now = Date()
        if enabled { FileHandle.standardErrorWrite("mhub: timing [\(stage)]: \(String(format: "%.3f", now.timeIntervalSince(last))) s") }
        last = now
    }
}
