#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The process groups of the children this process has started and not yet reaped.
///
/// A call that hangs is abandoned by its caller (a thread cannot be stopped), and the thread
/// waiting for the child with it. When this process exits, every group still listed here is
/// killed, so a hung plugin and its own children do not outlive the hub.
final class RunningChildren: @unchecked Sendable {
    /// The one list per process: the groups belong to the process, and so does its exit.
    static let shared = RunningChildren()

    private let lock = NSLock()
    private var groups: Set<pid_t> = []

    private init() {
        atexit { RunningChildren.shared.killAll() }
    }

    /// Lists the group a child leads from its start.
    func started(_ group: pid_t) {
        lock.withLock { _ = groups.insert(group) }
    }

    /// Removes a group once its leader has been reaped.
    func reaped(_ group: pid_t) {
        lock.withLock { _ = groups.remove(group) }
    }

    /// Kills every listed group.
    private func killAll() {
        lock.withLock {
            for group in groups { _ = kill(-group, SIGKILL) }
        }
    }
}
