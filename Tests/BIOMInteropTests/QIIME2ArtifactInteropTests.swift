import Foundation
import Testing

/// QIIME 2 artifacts through `mhub` against biom-format reading the same artifact's own
/// `feature-table.biom` (and joining its taxonomy.tsv as `biom add-metadata` does): same ids,
/// same values, same taxonomy.
@Suite("QIIME 2 artifacts against biom-format", .serialized)
struct QIIME2ArtifactInteropTests {
    static let cases = PeerTools.packageRoot.appendingPathComponent("Conformance/qiime2-artifact")
    static let corpus = PeerTools.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/qiime2_artifact")

    /// Pairs of table artifact and optional taxonomy artifact: the project's own, and the
    /// corpus' real ones when the shared corpus is beside the package (GPL: read, never copied).
    static var artifacts: [[String]] {
        var pairs = [[cases.appendingPathComponent("valid-own-frequency.qza").path],
                     [cases.appendingPathComponent("valid-own-relative-frequency.qza").path],
                     [cases.appendingPathComponent("valid-own-frequency-with-taxonomy.qza").path,
                      cases.appendingPathComponent("valid-own-frequency-with-taxonomy+taxonomy.qza").path]]
        if FileManager.default.fileExists(atPath: corpus.path) {
            pairs.append([corpus.appendingPathComponent("microbiomeMarker_table.qza").path,
                          corpus.appendingPathComponent("microbiomeMarker_taxonomy.qza").path])
        }
        return pairs
    }

    @Test("artifact → BIOM through mhub equals biom-format's reading of the artifact", arguments: artifacts)
    func artifactAgreesWithBiomFormat(_ pair: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qza-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = directory.appendingPathComponent("reference.biom").path
        let converted = directory.appendingPathComponent("mhub.biom").path

        let made = try PeerTools.run(try PeerTools.python(), [PeerTools.peerScript, "from-artifact"] + pair + [reference])
        try #require(made.status == 0, "biom-format could not read \(pair[0]): \(made.summary)")
        var arguments = ["convert", pair[0], "-o", converted, "--to", "biom-hdf5"]
        if pair.count == 2 { arguments += ["--companion", "taxonomy=\(pair[1])"] }
        let outcome = try PeerTools.run(try PeerTools.mhub(), arguments)
        try #require(outcome.status == 0, "mhub \(arguments.joined(separator: " ")): \(outcome.summary)")

        let compared = try PeerTools.peer("compare", reference, converted, "--taxonomy-only")
        #expect(compared.status == 0, "biom-format sees differences: \(compared.summary)")
    }
}
