import FormatKit
import Foundation

/// A failure a command reports on one line of standard error, with its exit code.
struct CommandFailure: Error {
    /// Exit code for bad input or data.
    static let dataExitCode: Int32 = 1
    /// Exit code for a usage error (unknown option, unknown format id).
    static let usageExitCode: Int32 = 2

    let message: String
    let exitCode: Int32

    /// Bad data is exit code 1; an option the plugin does not take is a usage error (2).
    init(_ error: ImportError) {
        message = error.description
        exitCode = error.isUsageError ? CommandFailure.usageExitCode : CommandFailure.dataExitCode
    }

    /// An unwritable table is exit code 1; an option the plugin does not take is a usage error (2).
    init(_ error: ExportError) {
        message = error.description
        exitCode = error.isUsageError ? CommandFailure.usageExitCode : CommandFailure.dataExitCode
    }

    /// A plugin that cannot be loaded (a broken descriptor, a misbehaving external plugin) is bad
    /// input; every other registry error is a usage error (an unknown or unsuitable format id).
    init(_ error: RegistryError) {
        switch error {
        case .pluginLoadFailed:
            message = "error [plugin]: \(error)"
            exitCode = CommandFailure.dataExitCode
        case .brokenDescriptors(let problems):
            // One report line per problem, each starting with its file and line.
            message = problems.joined(separator: "\nmhub: ")
            exitCode = CommandFailure.dataExitCode
        default:
            message = "error [usage]: \(error)"
            exitCode = CommandFailure.usageExitCode
        }
    }

    init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    func report() {
        FileHandle.standardErrorWrite("mhub: \(message)")
    }
}

extension FileHandle {
    /// Writes one line to standard error (a failure ends the command with exit status 1).
    static func standardErrorWrite(_ line: String) {
        StandardStreams.writeErrorLine(line)
    }
}
