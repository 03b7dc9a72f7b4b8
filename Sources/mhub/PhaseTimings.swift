import Foundation

/// Wall-clock durations of a command's phases (import, transforms, export), printed on one
/// line of standard error with `--timings`, so users can see where a long conversion spends time.
struct PhaseTimings {
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private var phases: [(name: String, seconds: Double)] = []

    init() { start = clock.now }

    /// Ends the current phase under `name` and starts the next.
    mutating func lap(_ name: String) {
        let now = clock.now
        let elapsed = start.duration(to: now).components
        phases.append((name, Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18))
        start = now
    }

    /// `timings: import 0.412 s, transforms 0.051 s, export 0.198 s`.
    var line: String {
        "timings: " + phases.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: ", ")
    }
}
