import Foundation
import InteropTestSupport
import Testing

/// The shotgun corpus files (`../shared/corpus`) and the peers that read them today: kraken-biom
/// (in `.venv-peers`) and taxpasta (in `.venv-taxpasta`, made by `scripts/setup-taxpasta`).
enum ShotgunPeers {
    static let corpus = PeerTools.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Peer/shotgun_peer.py").path

    /// The corpus file at `path`, failing when the corpus is not beside the package.
    static func file(_ path: String) throws -> String {
        let url = corpus.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw PeerSetupError(description: "corpus file \(url.path) is missing; the shared corpus must sit beside the package")
        }
        return url.path
    }

    /// taxpasta's executable: `MHUB_TAXPASTA`, else `.venv-taxpasta/bin/taxpasta`.
    static func taxpasta() throws -> String {
        if let configured = ProcessInfo.processInfo.environment["MHUB_TAXPASTA"], !configured.isEmpty { return configured }
        let local = PeerTools.packageRoot.appendingPathComponent(".venv-taxpasta/bin/taxpasta").path
        guard FileManager.default.isExecutableFile(atPath: local) else {
            throw PeerSetupError(description: "no taxpasta at \(local): run scripts/setup-taxpasta, or set MHUB_TAXPASTA")
        }
        return local
    }

    /// Runs the peer script; its JSON report is in the output.
    static func compare(_ arguments: [String]) throws -> PeerTools.Outcome {
        let taxpasta = try taxpasta()
        return try PeerTools.run("/usr/bin/env", ["MHUB_TAXPASTA=\(taxpasta)", try PeerTools.python(), script] + arguments)
    }

    /// A scratch file path.
    static func scratch(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("shotgun-\(UUID().uuidString).\(suffix)").path
    }
}

/// One corpus report that taxpasta standardises, and how its reading relates to mhub's.
struct TaxpastaCase: CustomTestStringConvertible, Sendable {
    let path: String
    let profiler: String
    /// `direct` compares mhub's leaf table (residual rows are reads assigned to a clade itself);
    /// `scaled` compares mhub's cumulative percentages with taxpasta's percent × 10^6.
    let mode: String
    /// Whether mhub deliberately keeps mass taxpasta does not: Bracken's report has clade counts
    /// that exceed their children without direct reads; mhub keeps the clade counts (so leaves
    /// total the root), taxpasta the direct column, so mhub has extra residual rows.
    var mhubKeepsResidualMass = false
    var testDescription: String { path }
}

@Suite("Shotgun interop with kraken-biom and taxpasta", .serialized)
struct ShotgunInteropTests {
    static let krakenReports = [
        "kraken2/2611_se-ERR5766174-db1.kraken2.report.txt", "kraken2/2612_pe-ERR5766176-db1.kraken2.report.txt",
        "kraken2/test_1.kraken2.report.txt", "kraken2/bracken_sample_test.report",
    ]

    /// Kraken reports → BIOM through mhub give kraken-biom's tax ids and counts at its ranks.
    @Test(arguments: krakenReports)
    func krakenReportToBIOMAgreesWithKrakenBIOM(_ path: String) throws {
        let report = try ShotgunPeers.file(path)
        let biom = ShotgunPeers.scratch("biom")
        let converted = try PeerTools.mhub("convert", report, "-o", biom, "--to", "biom-json")
        try #require(converted.status == 0, "mhub convert: \(converted.summary)")
        let outcome = try ShotgunPeers.compare(["kraken-biom", report, biom])
        #expect(outcome.status == 0, "kraken-biom and mhub disagree on \(path): \(outcome.summary)")
    }

    static let taxpastaCases: [TaxpastaCase] = [
        TaxpastaCase(path: "kraken2/2611_se-ERR5766174-db1.kraken2.report.txt", profiler: "kraken2", mode: "direct"),
        TaxpastaCase(path: "kraken2/2612_pe-ERR5766176-db1.kraken2.report.txt", profiler: "kraken2", mode: "direct"),
        TaxpastaCase(path: "kraken2/test_1.kraken2.report.txt", profiler: "kraken2", mode: "direct"),
        TaxpastaCase(path: "kraken2/bracken_sample_test.report", profiler: "kraken2", mode: "direct"),
        TaxpastaCase(path: "bracken/sample_output_bracken.report", profiler: "kraken2", mode: "direct", mhubKeepsResidualMass: true),
        TaxpastaCase(path: "krakenuniq/test1.krakenuniq.report.txt", profiler: "krakenuniq", mode: "direct"),
        TaxpastaCase(path: "krakenuniq/test3.krakenuniq.report.txt", profiler: "krakenuniq", mode: "direct"),
        TaxpastaCase(path: "krakenuniq/ERR3201952.krakenuniq.report.txt", profiler: "krakenuniq", mode: "direct"),
        TaxpastaCase(path: "centrifuge/AD_pe-db1.centrifuge.txt", profiler: "centrifuge", mode: "direct"),
        TaxpastaCase(path: "centrifuge/barcode52_se-db1.centrifuge.txt", profiler: "centrifuge", mode: "direct"),
        TaxpastaCase(path: "motus/2612_pe-ERR5766176-db_mOTU.out", profiler: "motus", mode: "direct"),
        TaxpastaCase(path: "motus/2612_se-ERR5766180-db_mOTU.out", profiler: "motus", mode: "direct"),
        TaxpastaCase(path: "diamond/diamond_valid_1.tsv", profiler: "diamond", mode: "direct"),
        TaxpastaCase(path: "diamond/diamond_valid_2.tsv", profiler: "diamond", mode: "direct"),
        TaxpastaCase(path: "megan/ERX5474932_ERR5766176_1.txt.gz", profiler: "megan6", mode: "direct"),
        TaxpastaCase(path: "megan/malt_rma2info_valid.txt.gz", profiler: "megan6", mode: "direct"),
        TaxpastaCase(path: "metaphlan/ERR7569997.txt", profiler: "metaphlan", mode: "scaled"),
        TaxpastaCase(path: "metaphlan/ERR7569998.txt", profiler: "metaphlan", mode: "scaled"),
        TaxpastaCase(path: "metaphlan/MOCK_001_Illumina_Hiseq_3000_se_metaphlan3-db.metaphlan3_profile.txt", profiler: "metaphlan", mode: "scaled"),
        TaxpastaCase(path: "metaphlan/MOCK_001_Minion_R9_se_metaphlan3-db.metaphlan3_profile.txt", profiler: "metaphlan", mode: "scaled"),
        TaxpastaCase(path: "metaphlan/metaphlan3_mpa_valid_complex.tsv", profiler: "metaphlan", mode: "scaled"),
        TaxpastaCase(path: "metaphlan/metaphlan3_mpa_valid_simple.tsv", profiler: "metaphlan", mode: "scaled"),
    ]

    /// For every corpus report taxpasta reads, mhub's import has the same tax ids and counts
    /// (unclassified reads included: taxpasta keeps them under tax id 0, as mhub's explicit row).
    @Test(arguments: taxpastaCases)
    func importAgreesWithTaxpasta(_ testCase: TaxpastaCase) throws {
        let report = try ShotgunPeers.file(testCase.path)
        let json = ShotgunPeers.scratch("profile.json")
        let leaves = testCase.mode == "direct" ? ["--to-leaves"] : []
        let converted = try PeerTools.run(try PeerTools.mhub(), ["convert", report, "-o", json, "--to", "mhub-json"] + leaves)
        try #require(converted.status == 0, "mhub convert: \(converted.summary)")
        let outcome = try ShotgunPeers.compare(["taxpasta", testCase.profiler, report, json, testCase.mode])
        guard testCase.mhubKeepsResidualMass else {
            #expect(outcome.status == 0, "taxpasta and mhub disagree on \(testCase.path): \(outcome.summary)")
            return
        }
        let differences = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: [String: Any]]
        #expect(differences?["different"]?.isEmpty == true && differences?["only_peer"]?.isEmpty == true,
                "beyond mhub's residual rows, taxpasta and mhub disagree on \(testCase.path): \(outcome.summary)")
        #expect(differences?["only_mhub"]?.isEmpty == false, "the residual mass mhub keeps should show: \(outcome.summary)")
    }

    /// phyloseq's `import_biom` and biom-format read a lineage only from `taxonomy`: a MetaPhlAn
    /// profile (whose ids are pipe lineages) through mhub to BIOM gives every observation its
    /// lineage as the taxonomy list, in both BIOM versions.
    @Test(arguments: ["biom-json", "biom-hdf5"])
    func metaPhlAnToBIOMCarriesTheLineageAsTaxonomy(_ format: String) throws {
        let report = try ShotgunPeers.file("metaphlan/ERR7569997.txt")
        let biom = ShotgunPeers.scratch("biom")
        let converted = try PeerTools.mhub("convert", report, "-o", biom, "--to", format, "--quiet")
        try #require(converted.status == 0, "mhub convert: \(converted.summary)")
        let script = """
            import biom, json, sys
            t = biom.load_table(sys.argv[1])
            print(json.dumps({str(i): list((m or {}).get("taxonomy") or []) for i, m in zip(t.ids(axis="observation"), t.metadata(axis="observation") or [])}))
            """
        let read = try PeerTools.run(try PeerTools.python(), ["-c", script, biom])
        try #require(read.status == 0, "biom-format: \(read.summary)")
        let taxonomy = try #require(try JSONSerialization.jsonObject(with: read.outputBytes) as? [String: [String]])
        #expect(taxonomy.count == 231)
        for (id, levels) in taxonomy {
            #expect(levels == id.split(separator: "|").map(String.init), "\(id): \(levels)")
        }
    }
}
