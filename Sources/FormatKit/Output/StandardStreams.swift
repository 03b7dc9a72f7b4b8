import Foundation
import ProfileModel

/// Safe writes to standard output and standard error, for a process whose streams may be
/// closed (`>&-`), full (`>/dev/full`) or a pipe whose reader went away.
///
/// ``prepare()`` runs first thing in `main`: `SIGPIPE` is ignored, so a vanished reader is an
/// `EPIPE` error instead of a silent death, and a closed descriptor 0, 1 or 2 is held by a
/// placeholder (`/dev/null` for input, `/dev/full` for the outputs), so that no file the
/// process opens later lands on it: with standard output closed, a temporary output file
/// would otherwise become descriptor 1 and `-o -` would copy that file into itself. Writes to
/// a placeholder fail like writes to a full device, and are reported as a closed stream.
public enum StandardStreams {
    /// Why writing to standard output failed.
    public struct WriteFailure: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { "standard output: \(reason)" }
    }

    private static let state = State()

    /// Ignores `SIGPIPE` and puts placeholders on closed standard descriptors.
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
        where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open(descriptor == STDIN_FILENO ? "/dev/null" : "/dev/full", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if placeholder >= 0, placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
            state.markClosed(descriptor)
        }
    }

    /// Writes all of `bytes` to standard output (after anything `print` buffered).
    public static func writeOutput(_ bytes: UnsafeRawBufferPointer) throws(WriteFailure) {
        fflush(nil)
        if let problem = write(bytes, to: STDOUT_FILENO) { throw WriteFailure(reason: problem) }
    }

    /// Writes `data` to standard output.
    public static func writeOutput(_ data: Data) throws(WriteFailure) {
        let problem = data.withUnsafeBytes { bytes -> WriteFailure? in
            do throws(WriteFailure) { try writeOutput(bytes) } catch { return error }
            return nil
        }
        if let problem { throw problem }
    }

    /// Writes `bytes` to standard output for a caller that cannot stop on a failure (a
    /// streamed report); the first failure is remembered and ``finish()`` reports it.
    public static func emit(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            do throws(WriteFailure) { try writeOutput(buffer) } catch { state.markOutputFailed(error) }
        }
    }

    /// Writes one line to standard error. A failure cannot be reported there, so it is
    /// remembered, and ``finish()`` turns it into a failed exit status.
    /// Control characters in the line are escaped (``MessageText``): it may quote an input.
    public static func writeErrorLine(_ line: String) {
        var text = MessageText.escaped(line, keepingLineBreaks: true) + "\n"
        text.withUTF8 { bytes in
            if write(UnsafeRawBufferPointer(bytes), to: STDERR_FILENO) != nil { state.markErrorWriteFailed() }
        }
    }

    /// Writes text to standard error without a newline (a progress bar); failures as in ``writeErrorLine(_:)``.
    public static func writeError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            if write(UnsafeRawBufferPointer(bytes), to: STDERR_FILENO) != nil { state.markErrorWriteFailed() }
        }
    }

    /// Flushes what `print` buffered (all C streams: Swift 6 cannot name `stdout` itself); the
    /// failure when standard output or standard error could not take everything written to them.
    public static func finish() -> WriteFailure? {
        if fflush(nil) != 0 {
            return WriteFailure(reason: state.isClosed(STDOUT_FILENO) ? "the stream is closed" : String(cString: strerror(errno)))
        }
        if let failure = state.outputFailure { return failure }
        if state.errorWriteFailed { return WriteFailure(reason: "standard error could not be written") }
        return nil
    }

    /// Whether `descriptor` (0, 1 or 2) was closed when the process started.
    public static func wasClosed(_ descriptor: Int32) -> Bool { state.isClosed(descriptor) }

    /// Writes every byte, retrying short writes and interruptions; the reason on failure.
    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        if state.isClosed(descriptor) { return "the stream is closed" }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    /// Which descriptors were closed at start, and which writes failed.
    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var closed: Set<Int32> = []
        private var errorFailed = false
        private var firstOutputFailure: WriteFailure?

        func markOutputFailed(_ failure: WriteFailure) { lock.withLock { firstOutputFailure = firstOutputFailure ?? failure } }
        var outputFailure: WriteFailure? { lock.withLock { firstOutputFailure } }

        func markClosed(_ descriptor: Int32) { lock.withLock { _ = closed.insert(descriptor) } }
        func isClosed(_ descriptor: Int32) -> Bool { lock.withLock { closed.contains(descriptor) } }
        func markErrorWriteFailed() { lock.withLock { errorFailed = true } }
        var errorWriteFailed: Bool { lock.withLock { errorFailed } }
    }
}
