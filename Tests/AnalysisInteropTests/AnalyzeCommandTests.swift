import Foundation
import InteropTestSupport
import Testing

/// `mhub analyze` end to end on real files: scikit-bio loads what it writes, GMHI reproduces the
/// authors' own output, and a failed analysis leaves no output file.
@Suite("mhub analyze end to end", .serialized)
struct AnalyzeCommandTests {
    @Test("skbio.DistanceMatrix.read loads the distance matrix TSV")
    func distanceMatrixLoadsInScikitBio() throws {
        let input = PeerTools.corpus.appendingPathComponent("biom1_json/rich_sparse_otu_table.biom").path
        try #require(FileManager.default.fileExists(atPath: input))
        let output = PeerTools.scratch.appendingPathComponent("dm.tsv").path
        _ = try PeerTools.run(try PeerTools.mhub(), ["analyze", input, "--beta", "braycurtis", "-o", output])
        let script = "import sys; from skbio import DistanceMatrix; dm = DistanceMatrix.read(sys.argv[1]); print(len(dm.ids))"
        let printed = String(decoding: try PeerTools.run(try PeerTools.python(), ["-c", script, output]), as: UTF8.self)
        #expect(printed.trimmingCharacters(in: .whitespacesAndNewlines) == "6")
    }

    /// The authors' 25-sample example and their GMHI values (read from the shared corpus, not
    /// copied into the project: no licence is stated for these two files).
    @Test("GMHI reproduces GMHI_output.csv to 1e-9")
    func gmhiReproducesTheAuthors() throws {
        let folder = PeerTools.corpus.appendingPathComponent("gmhi")
        let input = folder.appendingPathComponent("species_relative_abundances.csv").path
        let expectedFile = folder.appendingPathComponent("GMHI_output.csv")
        try #require(FileManager.default.fileExists(atPath: input), "corpus file missing: \(input)")
        let output = String(decoding: try PeerTools.run(try PeerTools.mhub(), ["analyze", input, "--gmhi"]), as: UTF8.self)
        var ours: [String: Double] = [:]
        for line in output.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t")
            ours[String(fields[0])] = Double(fields[1])
        }
        var compared = 0
        for line in try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
            let expected = try #require(Double(fields[1]))
            let value = try #require(ours[fields[0]], "no GMHI for \(fields[0])")
            #expect(abs(value - expected) <= 1e-9 * max(1, abs(expected)), "\(fields[0]): \(value) vs \(expected)")
            compared += 1
        }
        #expect(compared == 25)
    }

    /// Two labs with different databases, one named to species and one to genus: the analysis
    /// runs at genus and says so.
    @Test("a cohort from two sources is analysed at the deepest rank they share")
    func mixedSourcesAreComparedAtTheSharedRank() throws {
        let input = PeerTools.packageRoot.appendingPathComponent("Conformance/mhub-json/valid-cohort-v2.json").path
        struct Notes: Decodable {
            struct Comparability: Decodable {
                let sharedRank: String?
                let analysedRank: String?
                let notes: [String]
            }
            let comparability: Comparability
        }
        let data = try PeerTools.run(try PeerTools.mhub(), ["analyze", input, "--json", "--alpha", "observed_features"])
        let notes = try JSONDecoder().decode(Notes.self, from: data).comparability
        #expect(notes.sharedRank == "genus" && notes.analysedRank == "genus")
        #expect(notes.notes.contains { $0.contains("2 different sources") && $0.contains("k2_pluspf") })
    }

    @Test("a counts-only metric on relative data fails and leaves no file")
    func failureLeavesNoOutput() throws {
        let input = PeerTools.corpus.appendingPathComponent("gmhi/species_relative_abundances.csv").path
        try #require(FileManager.default.fileExists(atPath: input))
        let directory = PeerTools.scratch.appendingPathComponent("failure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let output = directory.appendingPathComponent("alpha.tsv").path
        #expect(throws: PeerSetupError.self) {
            try PeerTools.run(try PeerTools.mhub(), ["analyze", input, "--alpha", "shannon,chao1", "-o", output])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
