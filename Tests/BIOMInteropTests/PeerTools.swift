import Foundation

/// Why an interop test could not run its tools.
struct PeerSetupError: Error, CustomStringConvertible {
    let description: String
}

/// The reference implementation (biom-format, driven through `Peer/biom_peer.py`) and the
/// built `mhub`, run as child processes.
enum PeerTools {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let peerScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Peer/biom_peer.py").path

    /// The Python with biom-format and h5py: `MHUB_PEER_PYTHON`, else `.venv-peers/bin/python`.
    static func python() throws -> String {
        if let configured = ProcessInfo.processInfo.environment["MHUB_PEER_PYTHON"], !configured.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw PeerSetupError(description: "MHUB_PEER_PYTHON=\(configured) is not an executable file")
            }
            return configured
        }
        let local = packageRoot.appendingPathComponent(".venv-peers/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: local) else {
            throw PeerSetupError(description: """
                no Python with biom-format found: set MHUB_PEER_PYTHON, or run scripts/setup-peers \
                to create \(local)
                """)
        }
        return local
    }

    /// The `mhub` executable built beside the test bundle.
    static func mhub() throws -> String {
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
            .map { $0.appendingPathComponent("mhub").path }
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw PeerSetupError(description: "mhub was not built next to the tests (looked at \(candidates)); run swift build first")
        }
        return found
    }

    /// The result of one child process.
    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
        var summary: String { "exit \(status)\n\(output)\(errors)" }
    }

    /// Runs `executable` with `arguments` and waits for it.
    static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("peer-\(UUID().uuidString).out")
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("peer-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       output: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
                       errors: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    /// Runs a `biom_peer.py` command.
    static func peer(_ arguments: String...) throws -> Outcome {
        try run(try python(), [peerScript] + arguments)
    }

    /// Runs `mhub` with arguments.
    static func mhub(_ arguments: String...) throws -> Outcome {
        try run(try mhub(), arguments)
    }
}
