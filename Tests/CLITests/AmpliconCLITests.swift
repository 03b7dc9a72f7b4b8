import Foundation
import Testing

/// `mhub` on mothur, QIIME 2 and misread-prone pipeline files, as a user runs it.
@Suite struct AmpliconCLITests {
    static let corpus = MHubRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    func conformance(_ path: String) -> String {
        MHubRunner.packageRoot.appendingPathComponent("Conformance/\(path)").path
    }

    /// The first candidate of `mhub detect --json`.
    func detected(_ path: String) throws -> (format: String, reason: String)? {
        let result = try MHubRunner.run(["detect", path, "--json"])
        guard result.status == 0,
              let candidates = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [[String: Any]],
              let first = candidates.first,
              let format = first["formatID"] as? String, let reason = first["reason"] as? String else { return nil }
        return (format, reason)
    }

    @Test func detectNamesMothurAndQIIME2FilesAndSaysWhy() throws {
        let shared = try #require(try detected(conformance("mothur-shared/valid-galaxy-amazon-an.shared")))
        #expect(shared.format == "mothur-shared")
        #expect(shared.reason.contains("numOtus"))
        let artifact = try #require(try detected(conformance("qiime2-artifact/valid-own-frequency.qza")))
        #expect(artifact.format == "qiime2-artifact")
        #expect(artifact.reason.contains("UUID"))
    }

    @Test func aTableArtifactWithItsTaxonomyArtifactConvertsToBIOM() throws {
        let directory = try MHubRunner.scratchDirectory()
        let output = directory.appendingPathComponent("table.biom").path
        let result = try MHubRunner.run(["convert", conformance("qiime2-artifact/valid-own-frequency-with-taxonomy.qza"),
                                         "--companion", "taxonomy=" + conformance("qiime2-artifact/valid-own-frequency-with-taxonomy+taxonomy.qza"),
                                         "-o", output, "--to", "biom-hdf5"])
        #expect(result.status == 0, "\(result.stderr)")
        let back = try MHubRunner.run(["inspect", output])
        #expect(back.stdout.contains("genus"))
    }

    @Test func strictRefusesAnUnchosenMothurLabelAndAnUnusedCompanion() throws {
        let shared = conformance("mothur-shared/valid-galaxy-amazon-an.shared")
        let strict = try MHubRunner.run(["inspect", shared, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("table.subset-chosen"))
        let chosen = try MHubRunner.run(["inspect", shared, "--strict", "--option", "label=0.03"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let unused = try MHubRunner.run(["inspect", shared, "--companion", "metadata=" + shared])
        #expect(unused.status == 1)
        #expect(unused.stderr.contains("would be ignored"))
    }

    /// Files the generic wide-table importer used to misread with exit 0 (sample '994.0', the
    /// first row lost, cumulative rows summed) now fail as unrecognised until a plugin of their
    /// own reads them.
    @Test(.enabled(if: hasCorpus), arguments: [
        "megan/malt_rma2info_valid.txt.gz", "megan/ERX5474932_ERR5766176_1.txt.gz",
        "bracken/sample_output_bracken.mpa", "bracken/sample_output_bracken_with_intermediate.mpa",
        "metaphlan/MOCK_001_Minion_R9_se_metaphlan3-db.metaphlan3_profile.txt",
    ])
    func formerMisreadsAreNoLongerReadAsWideTables(file: String) throws {
        let result = try MHubRunner.run(["inspect", Self.corpus.appendingPathComponent(file).path, "--json"])
        if result.status == 0 {
            // Read by a plugin of its own: then never by the generic wide-table importer.
            #expect(!result.stdout.contains("\"wide-tsv\""))
        } else {
            #expect(result.status == 1)
        }
    }

    @Test(.enabled(if: hasCorpus))
    func aMergedMetaPhlAnTableIsReadAsCladeCumulativeWithItsOwnTotals() throws {
        let result = try MHubRunner.run(["inspect", Self.corpus.appendingPathComponent("metaphlan/galaxy_metaphlan2_test1.tabular").path, "--json", "--samples"])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        #expect(info["structure"] as? String == "cladeCumulative")
        let totals = (info["sampleTotals"] as? [[String: Any]])?.compactMap { $0["total"] as? Double }
        #expect(totals == [100])
    }
}
