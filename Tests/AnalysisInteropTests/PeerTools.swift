import Foundation
import InteropTestSupport
import Testing

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

/// The peer (scikit-bio through `Peer/skbio_peer.py`) and the built `mhub`, run as child
/// processes (through ``PeerProcess``).
enum PeerTools {
    static let packageRoot = PeerProcess.packageRoot

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

    static func python() throws -> String { try PeerProcess.python() }

    static func mhub() throws -> String { try PeerProcess.mhub() }

    static func scikitBio(_ table: String, pseudocount: Double) throws -> ScikitBioResult {
        let output = try run(try python(), [peerScript, table, String(pseudocount)])
        return try JSONDecoder().decode(ScikitBioResult.self, from: output)
    }

    static func mhubJSON(_ arguments: [String]) throws -> MHubAnalysis {
        try JSONDecoder().decode(MHubAnalysis.self, from: try run(try mhub(), arguments))
    }

    /// Runs a program and returns its standard output; a non-zero exit is an error with its stderr.
    static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let outcome = try PeerProcess.run(executable, arguments)
        guard outcome.status == 0 else {
            throw PeerSetupError(description: "\(executable) \(arguments.joined(separator: " ")) exited \(outcome.status): \(outcome.errors)")
        }
        return outcome.outputBytes
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
