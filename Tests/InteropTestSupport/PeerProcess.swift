import Foundation

/// Why an interop test could not run its tools.
public struct PeerSetupError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }
}

/// What the interop test targets share: the package root, the Python with the reference
/// clients, the built `mhub`, and running either as a child process.
public enum PeerProcess {
    /// The package root, found from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Python with the reference clients (biom-format, scikit-bio, h5py): `MHUB_PEER_PYTHON`,
    /// else `.venv-peers/bin/python`.
    public static func python() throws -> String {
        if let configured = ProcessInfo.processInfo.environment["MHUB_PEER_PYTHON"], !configured.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw PeerSetupError(description: "MHUB_PEER_PYTHON=\(configured) is not an executable file")
            }
            return configured
        }
        let local = packageRoot.appendingPathComponent(".venv-peers/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: local) else {
            throw PeerSetupError(description: """
                no Python with the reference clients (biom-format, scikit-bio) found: set MHUB_PEER_PYTHON, \
                or run scripts/setup-peers to create \(local)
                """)
        }
        return local
    }

    /// The `mhub` executable built beside the test bundle.
    public static func mhub() throws -> String {
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
            .map { $0.appendingPathComponent("mhub").path }
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw PeerSetupError(description: "mhub was not built next to the tests (looked at \(candidates)); run swift build first")
        }
        return found
    }

    /// The result of one child process.
    public struct Outcome: Sendable {
        public let status: Int32
        public let output: String
        public let errors: String
        /// The standard output as bytes.
        public let outputBytes: Data
        public var summary: String { "exit \(status)\n\(output)\(errors)" }
    }

    /// Runs `executable` with `arguments` and waits for it; its output goes through files, so
    /// neither pipe can fill up and block the child.
    public static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
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
        let bytes = (try? Data(contentsOf: output)) ?? Data()
        return Outcome(status: process.terminationStatus, output: String(decoding: bytes, as: UTF8.self),
                       errors: (try? String(contentsOf: errors, encoding: .utf8)) ?? "", outputBytes: bytes)
    }
}
