import Foundation
import InteropTestSupport

/// The reference implementation (biom-format, driven through `Peer/biom_peer.py`) and the
/// built `mhub`, run as child processes (through ``PeerProcess``).
enum PeerTools {
    static let packageRoot = PeerProcess.packageRoot

    static let peerScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Peer/biom_peer.py").path

    typealias Outcome = PeerProcess.Outcome

    static func python() throws -> String { try PeerProcess.python() }

    static func mhub() throws -> String { try PeerProcess.mhub() }

    static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        try PeerProcess.run(executable, arguments)
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
