import Foundation

/// The mutation harness used when libFuzzer is not built in: `mhub-fuzz FORMAT EXTENSION
/// SECONDS SEED NOTE-FILE SEED-FILE...` mutates the seed files for SECONDS seconds. Before each
/// execution the input is written to NOTE-FILE, so that when a crash or the watchdog ends the
/// process, the caller (`scripts/fuzz`) still has the input that did it; a clean run deletes it.
enum MutationRun {
    /// An execution slower than this is a hang: the process exits with status 3.
    static let hangSeconds = 10.0

    static func main(_ arguments: [String]) -> Int32 {
        guard arguments.count >= 6, let seconds = Double(arguments[2]), let seed = UInt64(arguments[3]) else {
            FileHandle.standardError.write(Data("usage: mhub-fuzz FORMAT EXTENSION SECONDS SEED NOTE-FILE SEED-FILE...\n".utf8))
            return 2
        }
        let subject = FuzzTarget.Subject(formatID: arguments[0], fileExtension: arguments[1])
        let note = URL(fileURLWithPath: arguments[4])
        let seeds = arguments[5...].compactMap { FileManager.default.contents(atPath: $0).map { Array($0) } }
        guard !seeds.isEmpty else { return 2 }
        var mutator = Mutator(seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        let watchdog = Watchdog(limit: hangSeconds)
        var executions = 0
        while Date() < deadline {
            let input = mutator.mutate(seeds[mutator.below(seeds.count)], other: seeds[mutator.below(seeds.count)])
            try? Data(input).write(to: note)
            watchdog.arm()
            FuzzTarget.run(input, as: subject)
            watchdog.disarm()
            executions += 1
        }
        try? FileManager.default.removeItem(at: note)
        print("\(executions) executions")
        return 0
    }
}

/// Ends the process at once with status 3 when one execution runs longer than its limit.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: Date?
    private let limit: TimeInterval

    init(limit: TimeInterval) {
        self.limit = limit
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let running = lock.withLock { started }
                // _exit, not exit: the atexit handlers would wait for the HDF5 library's lock,
                // which the hung execution holds.
                if let running, Date().timeIntervalSince(running) > limit { _exit(3) }
            }
        }
    }

    func arm() { lock.withLock { started = Date() } }
    func disarm() { lock.withLock { started = nil } }
}
