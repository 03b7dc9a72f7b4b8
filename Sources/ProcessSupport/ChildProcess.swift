#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CProcessSpawn
import Foundation

/// Runs another program to completion under a time limit and output size limits.
///
/// Standard input comes from a file (or `/dev/null`), so nothing can deadlock on a full
/// input pipe; no other descriptor of this process reaches the child. Standard output is captured in memory or streamed into a file; standard
/// error is captured. The child runs in its own process group: when it exceeds a limit the
/// whole group is killed with `SIGKILL` and the run fails with a typed error. A group still
/// running when this process exits (its caller gave up on a hung call) is killed too.
public enum ChildProcess {
    /// What to run and within which limits.
    public struct Request: Sendable {
        /// A path to the executable, or a bare name looked up on `PATH`.
        public var executable: String
        public var arguments: [String]
        /// The child's environment; `nil` inherits this process's environment.
        public var environment: [String: String]?
        /// A file fed to standard input; `nil` gives the child an empty input.
        public var standardInput: URL?
        /// A file that receives standard output; `nil` captures it in ``Result/output``.
        public var standardOutputFile: URL?
        /// Standard output larger than this kills the child.
        public var outputLimit: Int
        /// Standard error larger than this kills the child.
        public var errorLimit: Int
        /// Wall-clock seconds the child may run in total.
        public var timeLimit: Double
        /// Seconds the child may go without writing anything; `nil` for no such limit.
        public var idleTimeLimit: Double?

        public init(executable: String, arguments: [String] = [], environment: [String: String]? = nil,
                    standardInput: URL? = nil, standardOutputFile: URL? = nil,
                    outputLimit: Int = 1 << 30, errorLimit: Int = 1 << 20,
                    timeLimit: Double, idleTimeLimit: Double? = nil) {
            self.executable = executable
            self.arguments = arguments
            self.environment = environment
            self.standardInput = standardInput
            self.standardOutputFile = standardOutputFile
            self.outputLimit = outputLimit
            self.errorLimit = errorLimit
            self.timeLimit = timeLimit
            self.idleTimeLimit = idleTimeLimit
        }
    }

    /// How a child ended.
    public enum Termination: Sendable, Hashable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        public var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signaled(let signal): "was killed by signal \(signal) (\(ChildProcess.signalName(signal)))"
            }
        }
    }

    /// What a finished child left behind.
    public struct Result: Sendable {
        public var termination: Termination
        /// Standard output, when it was captured rather than sent to a file.
        public var output: [UInt8]
        /// Standard error.
        public var errorOutput: [UInt8]

        /// Standard error as text.
        public var errorText: String { String(decoding: errorOutput, as: UTF8.self) }
    }

    /// Why a run failed.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The executable could not be started.
        case cannotStart(executable: String, reason: String)
        /// The child ran past its total or idle time limit and was killed.
        case timedOut(seconds: Double, idle: Bool, errorOutput: String)
        /// The child wrote more than allowed to standard output or standard error and was killed.
        case outputLimitExceeded(stream: String, limit: Int)
        /// A pipe or file could not be read or written.
        case io(reason: String)

        public var description: String {
            switch self {
            case .cannotStart(let executable, let reason): "cannot start \(executable): \(reason)"
            case .timedOut(let seconds, let idle, _):
                idle ? "wrote nothing for \(Self.seconds(seconds)) s and was killed"
                     : "did not finish within \(Self.seconds(seconds)) s and was killed"
            case .outputLimitExceeded(let stream, let limit): "wrote more than \(limit) bytes to \(stream) and was killed"
            case .io(let reason): "process i/o failed: \(reason)"
            }
        }

        private static func seconds(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
    }

    /// Runs the request to completion.
    public static func run(_ request: Request) throws(Failure) -> Result {
        var session = try Session(request)
        return try session.wait()
    }

    /// The conventional name of a signal number (`SIGILL`), or `signal N`.
    public static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGHUP: "SIGHUP"
        case SIGINT: "SIGINT"
        case SIGQUIT: "SIGQUIT"
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGABRT: "SIGABRT"
        case SIGBUS: "SIGBUS"
        case SIGFPE: "SIGFPE"
        case SIGKILL: "SIGKILL"
        case SIGSEGV: "SIGSEGV"
        case SIGPIPE: "SIGPIPE"
        case SIGTERM: "SIGTERM"
        default: "signal \(signal)"
        }
    }
}

/// One running child: its pid, its pipes and what it has written so far.
private struct Session {
    let request: ChildProcess.Request
    let pid: pid_t
    var outputPipe: Int32
    var errorPipe: Int32
    var outputFile: Int32 = -1
    var output: [UInt8] = []
    var outputCount = 0
    var errorOutput: [UInt8] = []
    let start = Date()
    var lastActivity = Date()

    init(_ request: ChildProcess.Request) throws(ChildProcess.Failure) {
        self.request = request
        var outputFDs: [Int32] = [-1, -1]
        var errorFDs: [Int32] = [-1, -1]
        guard Self.makePipe(&outputFDs) else { throw .io(reason: "pipe: \(Self.lastError())") }
        guard Self.makePipe(&errorFDs) else {
            close(outputFDs[0]); close(outputFDs[1])
            throw .io(reason: "pipe: \(Self.lastError())")
        }
        let inputPath = request.standardInput?.path ?? "/dev/null"
        let inputFD = open(inputPath, O_RDONLY | O_CLOEXEC)
        guard inputFD >= 0 else {
            for fd in outputFDs + errorFDs { close(fd) }
            throw .io(reason: "cannot open \(inputPath): \(Self.lastError())")
        }
        defer { close(inputFD); close(outputFDs[1]); close(errorFDs[1]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputFD, 0)
        posix_spawn_file_actions_adddup2(&actions, outputFDs[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorFDs[1], 2)
        // Nothing else is inherited: a file another thread holds open (and any lock on it) stays here.
        mhub_spawn_file_actions_close_from(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group (so a kill reaches grandchildren), default signal handling, no mask.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = [request.executable] + request.arguments
        let environment = request.environment ?? ProcessInfo.processInfo.environment
        let envp = environment.keys.sorted().map { "\($0)=\(environment[$0]!)" }
        var childPID: pid_t = 0
        let status = Self.withCStrings(argv) { argvPointer in
            Self.withCStrings(envp) { envPointer in
                request.executable.contains("/")
                    ? posix_spawn(&childPID, request.executable, &actions, &attributes, argvPointer, envPointer)
                    : posix_spawnp(&childPID, request.executable, &actions, &attributes, argvPointer, envPointer)
            }
        }
        guard status == 0 else {
            close(outputFDs[0]); close(errorFDs[0])
            throw .cannotStart(executable: request.executable, reason: String(cString: strerror(status)))
        }
        pid = childPID
        RunningChildren.shared.started(childPID)
        outputPipe = outputFDs[0]
        errorPipe = errorFDs[0]
        if let file = request.standardOutputFile {
            outputFile = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard outputFile >= 0 else {
                let reason = Self.lastError()
                kill()
                throw .io(reason: "cannot write \(file.path): \(reason)")
            }
        }
    }

    /// Pumps both pipes until the child closes them and exits, enforcing every limit.
    mutating func wait() throws(ChildProcess.Failure) -> ChildProcess.Result {
        defer {
            if outputPipe >= 0 { close(outputPipe) }
            if errorPipe >= 0 { close(errorPipe) }
            if outputFile >= 0 { close(outputFile) }
        }
        while outputPipe >= 0 || errorPipe >= 0 {
            let timeout = try remainingMilliseconds()
            var fds: [pollfd] = []
            if outputPipe >= 0 { fds.append(pollfd(fd: outputPipe, events: Int16(POLLIN), revents: 0)) }
            if errorPipe >= 0 { fds.append(pollfd(fd: errorPipe, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                kill()
                throw .io(reason: "poll: \(Self.lastError())")
            }
            for entry in fds where entry.revents != 0 {
                try drain(entry.fd)
            }
        }
        // Both pipes are closed; wait for the exit itself, still within the time limit.
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                RunningChildren.shared.reaped(pid)
                return finished(status)
            }
            if result < 0 && errno != EINTR {
                throw .io(reason: "waitpid: \(Self.lastError())")
            }
            _ = try remainingMilliseconds()
            usleep(2_000)
        }
    }

    private func finished(_ status: Int32) -> ChildProcess.Result {
        let signal = status & 0x7F
        let termination: ChildProcess.Termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
        return ChildProcess.Result(termination: termination, output: output, errorOutput: errorOutput)
    }

    /// Milliseconds left before a time limit; kills the child and throws once one has passed.
    private func remainingMilliseconds() throws(ChildProcess.Failure) -> Int32 {
        let now = Date()
        var remaining = request.timeLimit - now.timeIntervalSince(start)
        var idle = false
        if let idleLimit = request.idleTimeLimit {
            let idleRemaining = idleLimit - now.timeIntervalSince(lastActivity)
            if idleRemaining < remaining {
                remaining = idleRemaining
                idle = true
            }
        }
        guard remaining > 0 else {
            kill()
            throw .timedOut(seconds: idle ? request.idleTimeLimit! : request.timeLimit, idle: idle,
                            errorOutput: String(decoding: errorOutput, as: UTF8.self))
        }
        return Int32(min(remaining * 1000, 60_000).rounded(.up))
    }

    private mutating func drain(_ fd: Int32) throws(ChildProcess.Failure) {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR || errno == EAGAIN { return }
            kill()
            throw .io(reason: "read: \(Self.lastError())")
        }
        if count == 0 {
            close(fd)
            if fd == outputPipe { outputPipe = -1 } else { errorPipe = -1 }
            return
        }
        lastActivity = Date()
        chunk.removeLast(chunk.count - count)
        if fd == outputPipe {
            outputCount += count
            guard outputCount <= request.outputLimit else {
                kill()
                throw .outputLimitExceeded(stream: "standard output", limit: request.outputLimit)
            }
            if outputFile >= 0 {
                try writeAll(chunk, to: outputFile)
            } else {
                output += chunk
            }
        } else {
            errorOutput += chunk
            guard errorOutput.count <= request.errorLimit else {
                kill()
                throw .outputLimitExceeded(stream: "standard error", limit: request.errorLimit)
            }
        }
    }

    private func writeAll(_ bytes: [UInt8], to fd: Int32) throws(ChildProcess.Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                kill()
                throw .io(reason: "cannot write standard output to its file: \(Self.lastError())")
            }
            offset += written
        }
    }

    /// Kills the child's process group and reaps the child.
    private func kill() {
        _ = Glibc.kill(-pid, SIGKILL)
        _ = Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        RunningChildren.shared.reaped(pid)
    }

    /// Opens a pipe whose ends close on exec, so that other children never inherit them.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    /// Calls `body` with a NULL-terminated C array of the strings.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
