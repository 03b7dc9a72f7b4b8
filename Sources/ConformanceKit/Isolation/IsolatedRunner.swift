import FormatKit
import Foundation
import ProcessSupport

/// How to start a worker process for a request.
public struct WorkerLauncher: Sendable {
    /// The worker executable (for the CLI, `mhub` itself).
    public var executable: String
    /// The worker's arguments for a request (for the CLI: `conformance … --worker <request>`).
    public var arguments: @Sendable (WorkerRequest) -> [String]

    public init(executable: String, arguments: @escaping @Sendable (WorkerRequest) -> [String]) {
        self.executable = executable
        self.arguments = arguments
    }
}

/// Runs each plugin's battery in a child process, so that a plugin that traps, overflows its
/// stack or hangs fails its own item instead of ending the whole run.
///
/// The worker reports every item as it starts and finishes. When it dies, the item it had
/// started and not finished is reported as a crash (with the signal and the runtime's
/// message), and a fresh worker resumes with the items not yet run. A worker that hung
/// reports the hang itself and exits to be replaced.
public struct IsolatedRunner: Sendable {
    public let launcher: WorkerLauncher

    public init(launcher: WorkerLauncher) {
        self.launcher = launcher
    }

    /// Runs the request's battery to the end and returns its items.
    public func run(_ request: WorkerRequest) -> [CheckItem] {
        var items: [CheckItem] = []
        var pending = request
        while true {
            let attempt = runOnce(pending)
            items += attempt.items
            pending.completed += attempt.items.map(\.key)
            guard attempt.restart, !attempt.items.isEmpty else { return items }
        }
    }

    private struct Attempt {
        var items: [CheckItem]
        var restart: Bool
    }

    private func runOnce(_ request: WorkerRequest) -> Attempt {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-worker-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        var environment = ProcessInfo.processInfo.environment
        // A crash report is what the parent shows; the runtime's slow symbolicated backtrace is not needed.
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        let processRequest = ChildProcess.Request(
            executable: launcher.executable, arguments: launcher.arguments(request), environment: environment,
            standardOutputFile: outputFile, outputLimit: 1 << 28, errorLimit: 1 << 20,
            timeLimit: 24 * 3600, idleTimeLimit: request.timeLimit * 4 + 60)
        let ending: Result<ChildProcess.Result, ChildProcess.Failure>
        do { ending = .success(try ChildProcess.run(processRequest)) } catch { ending = .failure(error) }

        let events = Self.events(in: outputFile)
        var items: [CheckItem] = []
        var running: ItemKey?
        for event in events {
            switch event {
            case .started(let key): running = key
            case .finished(let item):
                items.append(item)
                if item.key == running { running = nil }
            }
        }
        switch ending {
        case .success(let result) where result.termination == .exited(0):
            return Attempt(items: items, restart: false)
        case .success(let result) where result.termination == .exited(WorkerRequest.restartExitStatus):
            return Attempt(items: items, restart: true)
        case .success(let result):
            let what = "the worker process \(result.termination)"
            return failed(items, running: running, what: what, errorOutput: result.errorText)
        case .failure(let failure):
            let errorOutput: String
            if case .timedOut(_, _, let text) = failure { errorOutput = text } else { errorOutput = "" }
            return failed(items, running: running, what: "the worker process \(failure)", errorOutput: errorOutput)
        }
    }

    /// Records the item that was running when the worker died, and asks for a restart to run the rest.
    private func failed(_ items: [CheckItem], running: ItemKey?, what: String, errorOutput: String) -> Attempt {
        let excerpt = Self.excerpt(errorOutput)
        guard let running else {
            let item = CheckItem(ItemKey(check: .coverage, subject: "worker"), .failed,
                                 "\(what) outside any check" + (excerpt.isEmpty ? "" : ":\n" + excerpt))
            return Attempt(items: items + [item], restart: false)
        }
        let item = CheckItem(running, .failed, "crashed: \(what) while running this item"
                             + (excerpt.isEmpty ? "" : ":\n" + excerpt))
        return Attempt(items: items + [item], restart: true)
    }

    private static func events(in file: URL) -> [BatteryEvent] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(BatteryEvent.self, from: Data($0)) }
    }

    /// The lines of standard error worth showing: the runtime's fatal error lines, else the last few lines.
    private static func excerpt(_ errorOutput: String) -> String {
        let lines = errorOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let fatal = lines.filter { $0.contains("Fatal error") || $0.contains("Precondition failed") || $0.contains("Assertion failed") }
        return (fatal.isEmpty ? Array(lines.suffix(3)) : Array(fatal.prefix(3))).map { "  " + $0 }.joined(separator: "\n")
    }
}
