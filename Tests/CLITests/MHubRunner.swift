import Foundation
import XCTest

/// Runs the built `mhub` executable, as a user would.
enum MHubRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// The `mhub` binary beside the test bundle in the build folder.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("mhub")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("mhub")
    }

    /// The package root (for corpus and conformance files).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs `mhub` with arguments, optional standard input, working directory and extra
    /// environment variables. `MHUB_RECORD` is passed on only when given here, so that a test
    /// run that records goldens cannot overwrite the deliberately wrong ones of the fixtures.
    /// `memoryLimit` (KiB of address space, through the shell's `ulimit -v`) turns an
    /// allocation blow-up into a failed run instead of a swapping machine.
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil,
                    environment: [String: String] = [:], memoryLimit: Int? = nil) throws -> Result {
        if let memoryLimit {
            return try shell("ulimit -v \(memoryLimit) && exec \"$0\" \"$@\"", arguments, stdin: stdin, in: directory,
                             environment: environment)
        }
        return try launch(executable, arguments, stdin: stdin, in: directory, environment: environment)
    }

    /// Runs a `bash` script in which `$0` is the `mhub` binary and `$1…` are `arguments`, for
    /// redirections a test needs (`>/dev/full`, `>&-`, a pipe into `head`).
    static func shell(_ script: String, _ arguments: [String] = [], stdin: Data? = nil, in directory: URL? = nil,
                      environment: [String: String] = [:]) throws -> Result {
        try launch(URL(fileURLWithPath: "/bin/bash"), ["-c", script, executable.path] + arguments, stdin: stdin,
                   in: directory, environment: environment)
    }

    private static func launch(_ program: URL, _ arguments: [String], stdin: Data?, in directory: URL?,
                               environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var inherited = ProcessInfo.processInfo.environment
        inherited["MHUB_RECORD"] = nil
        process.environment = inherited.merging(environment) { $1 }
        let output = Pipe(), input = Pipe()
        // Standard error goes to a file so that neither pipe can fill up and block the child.
        let errorFile = try scratchDirectory().appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errors.close()
        let errorData = try Data(contentsOf: errorFile)
        return Result(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData, as: UTF8.self), stdoutBytes: outputData)
    }

    /// A fresh empty directory for one test's files.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The names of the files in a directory (to prove no partial or temporary output is left).
    static func listing(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }
}
