import Foundation
import Testing

/// Why an interop test could not run its tools.
struct PeerSetupError: Error, CustomStringConvertible {
    let description: String
}

/// scikit-bio's results as `Peer/skbio_peer.py` prints them.
struct ScikitBioResult: Decodable {
    struct Ordination: Decodable {
        let eigenvalues: [Double]
        let proportion: [Double]
        let coordinates: [[Double]]
    }
    let ids: [String]
    let alpha: [String: [Double?]]
    let beta: [String: [[Double?]]]
    let pcoa: Ordination?
}

/// The part of `mhub analyze --json` the comparison reads.
struct MHubAnalysis: Decodable {
    struct Column: Decodable {
        let id: String
        let values: [Double?]
    }
    struct Beta: Decodable { let distances: [[Double?]] }
    struct Ordination: Decodable {
        let eigenvalues: [Double]
        let proportionExplained: [Double]
        let coordinates: [[Double]]
    }
    let sampleIDs: [String]
    let alpha: [Column]?
    let beta: Beta?
    let pcoa: Ordination?
}

/// The peer (scikit-bio through `Peer/skbio_peer.py`) and the built `mhub`, run as child processes.
enum PeerTools {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared corpus beside the repository.
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static let peerScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Peer/skbio_peer.py").path

    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-interop-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes a test table and returns its path.
    static func write(_ text: String, named name: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The Python with scikit-bio: `MHUB_PEER_PYTHON`, else `.venv-peers/bin/python`.
    static func python() throws -> String {
        if let configured = ProcessInfo.processInfo.environment["MHUB_PEER_PYTHON"], !configured.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw PeerSetupError(description: "MHUB_PEER_PYTHON=\(configured) is not an executable file")
            }
            return configured
        }
        let local = packageRoot.appendingPathComponent(".venv-peers/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: local) else {
            throw PeerSetupError(description: "no Python with scikit-bio: set MHUB_PEER_PYTHON or run scripts/setup-peers")
        }
        return local
    }

    /// The `mhub` executable built beside the test bundle.
    static func mhub() throws -> String {
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
            .map { $0.appendingPathComponent("mhub").path }
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw PeerSetupError(description: "mhub was not built next to the tests (looked at \(candidates))")
        }
        return found
    }

    static func scikitBio(_ table: String, pseudocount: Double) throws -> ScikitBioResult {
        let output = try run(try python(), [peerScript, table, String(pseudocount)])
        return try JSONDecoder().decode(ScikitBioResult.self, from: output)
    }

    static func mhubJSON(_ arguments: [String]) throws -> MHubAnalysis {
        try JSONDecoder().decode(MHubAnalysis.self, from: try run(try mhub(), arguments))
    }

    /// Runs a program and returns its standard output; a non-zero exit is an error with its stderr.
    static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = scratch.appendingPathComponent("out-\(UUID().uuidString)")
        let errors = scratch.appendingPathComponent("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let stdout = try Data(contentsOf: output)
        guard process.terminationStatus == 0 else {
            let stderr = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
            throw PeerSetupError(description: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(stderr)")
        }
        return stdout
    }
}

/// Comparisons within 1e-9 relative.
enum Tolerance {
    static let relative = 1e-9

    static func close(_ a: Double, _ b: Double, scale: Double = 1) -> Bool {
        abs(a - b) <= relative * max(abs(a), abs(b), scale * 1e-6, Double.leastNormalMagnitude)
    }

    /// Two value lists agree: the same undefined entries, and defined ones within tolerance.
    static func expectClose(_ ours: [Double?], _ theirs: [Double?], _ what: String) {
        #expect(ours.count == theirs.count, "\(what): \(ours.count) vs \(theirs.count) values")
        for (index, (a, b)) in zip(ours, theirs).enumerated() {
            switch (a, b) {
            case (nil, nil): continue
            case let (a?, b?): #expect(close(a, b), "\(what)[\(index)]: mhub \(a), scikit-bio \(b)")
            default: #expect(Bool(false), "\(what)[\(index)]: mhub \(String(describing: a)), scikit-bio \(String(describing: b))")
            }
        }
    }

    /// Eigenvalues and proportions agree; each axis with a clearly positive, well separated
    /// eigenvalue agrees up to its sign.
    static func expectPCoA(_ ours: MHubAnalysis.Ordination, _ theirs: ScikitBioResult.Ordination, _ table: String) {
        let largest = theirs.eigenvalues.first ?? 1
        for (index, (a, b)) in zip(ours.eigenvalues, theirs.eigenvalues).enumerated() {
            #expect(abs(a - b) <= relative * largest, "eigenvalue \(index) on \(table): \(a) vs \(b)")
        }
        for (index, (a, b)) in zip(ours.proportionExplained, theirs.proportion).enumerated() {
            #expect(abs(a - b) <= relative, "proportion \(index) on \(table): \(a) vs \(b)")
        }
        for axis in 0..<min(ours.coordinates.count, theirs.coordinates.count) {
            let value = theirs.eigenvalues[axis]
            let separated = theirs.eigenvalues.enumerated().allSatisfy { $0.offset == axis || abs($0.element - value) > 1e-6 * largest }
            guard value > 1e-6 * largest, separated else { continue }
            let a = ours.coordinates[axis], b = theirs.coordinates[axis]
            let sign: Double = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } < 0 ? -1 : 1
            let scale = b.map(abs).max() ?? 1
            for (sample, (x, y)) in zip(a, b).enumerated() {
                #expect(abs(sign * x - y) <= relative * scale, "PC\(axis + 1) sample \(sample) on \(table): \(sign * x) vs \(y)")
            }
        }
    }
}
