import Foundation
import Testing

/// `mhub merge` builds the same cohort table as the tools users merge with today: kraken-biom
/// for Kraken 2 reports, taxpasta for Kraken 2 reports and MetaPhlAn profiles. Each case merges
/// real corpus reports, or reports written by `scripts/generate-merge-reports` (the benchmark's
/// inputs), and compares every sample's values through `Peer/shotgun_peer.py`.
@Suite("Cohort merges agree with kraken-biom and taxpasta", .serialized)
struct ShotgunMergeInteropTests {
    static let corpusKrakenReports = [
        "kraken2/2611_se-ERR5766174-db1.kraken2.report.txt", "kraken2/2612_pe-ERR5766176-db1.kraken2.report.txt",
        "kraken2/test_1.kraken2.report.txt", "kraken2/bracken_sample_test.report",
    ]
    /// MetaPhlAn 3 profiles whose clade rows are the sums of their children. The MetaPhlAn 4
    /// corpus profiles are left out here: some of their clades have no row, and others a value
    /// below the sum of their species (Firmicutes 1.60042 % beside 1.60289 % in ERR7569997), so
    /// clade totals rebuilt from leaves cannot equal the rows; their rows are compared one by one
    /// in `ShotgunInteropTests`.
    static let corpusMetaPhlAnProfiles = [
        "metaphlan/MOCK_001_Illumina_Hiseq_3000_se_metaphlan3-db.metaphlan3_profile.txt",
        "metaphlan/metaphlan3_mpa_valid_complex.tsv", "metaphlan/metaphlan3_mpa_valid_simple.tsv",
    ]

    /// `count` reports of `kind` from the benchmark's generator, in a fresh folder.
    private func generated(_ kind: String, count: Int) throws -> [String] {
        let folder = ShotgunPeers.scratch("\(kind)-reports")
        let generator = PeerTools.packageRoot.appendingPathComponent("scripts/generate-merge-reports").path
        let written = try PeerTools.run(try PeerTools.python(), [generator, kind, folder, String(count)])
        try #require(written.status == 0, "generate-merge-reports: \(written.summary)")
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
    }

    /// Merges `reports` with mhub into `format`; the output path.
    private func merge(_ reports: [String], to format: String, suffix: String) throws -> String {
        let output = ShotgunPeers.scratch(suffix)
        let merged = try PeerTools.run(try PeerTools.mhub(), ["merge"] + reports + ["-o", output, "--to", format])
        try #require(merged.status == 0, "mhub merge: \(merged.summary)")
        return output
    }

    private func expectAgreement(_ arguments: [String], _ what: String) throws {
        let outcome = try ShotgunPeers.compare(arguments)
        #expect(outcome.status == 0, "\(what): \(outcome.summary)")
    }

    @Test func corpusKrakenReportsMergeAsKrakenBIOMAndTaxpastaMergeThem() throws {
        let reports = try Self.corpusKrakenReports.map(ShotgunPeers.file)
        try expectAgreement(["kraken-biom-merge", try merge(reports, to: "biom-json", suffix: "biom")] + reports,
                            "kraken-biom and mhub merge disagree")
        try expectAgreement(["taxpasta-merge", "kraken2", "direct", try merge(reports, to: "mhub-json", suffix: "json")]
                            + reports, "taxpasta merge and mhub merge disagree")
    }

    @Test func generatedKrakenReportsMergeAsKrakenBIOMAndTaxpastaMergeThem() throws {
        let reports = try generated("kraken2", count: 40)
        try expectAgreement(["kraken-biom-merge", try merge(reports, to: "biom-hdf5", suffix: "biom")] + reports,
                            "kraken-biom and mhub merge disagree")
        try expectAgreement(["taxpasta-merge", "kraken2", "direct", try merge(reports, to: "mhub-json", suffix: "json")]
                            + reports, "taxpasta merge and mhub merge disagree")
    }

    @Test func metaPhlAnProfilesMergeAsTaxpastaMergesThem() throws {
        let reports = try Self.corpusMetaPhlAnProfiles.map(ShotgunPeers.file) + generated("metaphlan", count: 40)
        try expectAgreement(["taxpasta-merge", "metaphlan", "cumulative", try merge(reports, to: "mhub-json", suffix: "json")]
                            + reports, "taxpasta merge and mhub merge disagree")
    }
}
