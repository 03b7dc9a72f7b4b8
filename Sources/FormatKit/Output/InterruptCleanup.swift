import Dispatch
import Foundation

/// Removes unfinished temporary output files when the process is interrupted (`SIGINT`,
/// Ctrl-C) or terminated (`SIGTERM`), then exits with `128 + signal` (130, 143), as shells do.
///
/// Every ``AtomicOutput`` registers its temporary file here while it is being written. The
/// signals are taken on a dispatch queue rather than in an asynchronous signal handler, so the
/// cleanup may take a lock and call the file system even while the main thread is busy.
/// `SIGKILL` cannot be caught: after one, a hidden `.NAME.mhub-XXXXXXXX.tmp` file can remain
/// beside the output (README, "Output").
public enum InterruptCleanup {
    private static let registry = Registry()

    /// Takes over `SIGINT` and `SIGTERM` for the rest of the process; call once, early in `main`.
    public static func install() {
        registry.install()
    }

    /// Remembers a temporary file to delete on interruption.
    static func track(_ path: String) { registry.insert(path) }

    /// Forgets a temporary file (committed or discarded).
    static func untrack(_ path: String) { registry.remove(path) }

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []
        private var sources: [any DispatchSourceSignal] = []
        private let queue = DispatchQueue(label: "mhub.interrupt-cleanup")

        func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
        func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }

        func install() {
            lock.withLock {
                guard sources.isEmpty else { return }
                for signalNumber in [SIGINT, SIGTERM] {
                    signal(signalNumber, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                    source.setEventHandler { [unowned self] in self.cleanUpAndExit(signalNumber) }
                    source.resume()
                    sources.append(source)
                }
            }
        }

        private func cleanUpAndExit(_ signalNumber: Int32) {
            let pending = lock.withLock { paths }
            for path in pending { unlink(path) }
            _exit(128 + signalNumber)
        }
    }
}
