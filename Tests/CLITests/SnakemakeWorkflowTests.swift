import Foundation
import Testing

/// The cluster workflow (`workflows/snakemake/Snakefile`) run end to end with Snakemake on
/// two local cores: one conversion job per report, then `mhub merge`.
@Suite("Snakemake workflow")
struct SnakemakeWorkflowTests {
    /// Snakemake from `MHUB_SNAKEMAKE`, else `.venv-snakemake/bin/snakemake` (scripts/setup-snakemake).
    private func snakemake() throws -> String {
        if let configured = ProcessInfo.processInfo.environment["MHUB_SNAKEMAKE"], !configured.isEmpty { return configured }
        let local = MHubRunner.packageRoot.appendingPathComponent(".venv-snakemake/bin/snakemake").path
        guard FileManager.default.isExecutableFile(atPath: local) else {
            throw WorkflowSetupError(description: "no Snakemake at \(local): run scripts/setup-snakemake or set MHUB_SNAKEMAKE")
        }
        return local
    }

    struct WorkflowSetupError: Error, CustomStringConvertible {
        let description: String
    }

    @Test func convertsEachReportAndMergesTheCohort() throws {
        let folder = try MHubRunner.scratchDirectory()
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let corpus = MHubRunner.packageRoot.appendingPathComponent("Conformance")
        for path in ["bracken-abundance/valid-taxpasta-2612-species.tsv", "bracken-abundance/valid-taxpasta-2613-species.tsv",
                     "sourmash-gather/valid-sourmash-test1.csv"] {
            let source = corpus.appendingPathComponent(path)
            try FileManager.default.copyItem(at: source, to: reports.appendingPathComponent(source.lastPathComponent))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try snakemake())
        process.currentDirectoryURL = folder
        process.arguments = ["--cores", "2", "--snakefile",
                             MHubRunner.packageRoot.appendingPathComponent("workflows/snakemake/Snakefile").path,
                             "--config", "reports=\(reports.path)", "out=results", "mhub=\(MHubRunner.executable.path)"]
        let log = folder.appendingPathComponent("snakemake.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try #require(process.terminationStatus == 0, "snakemake failed: \(output.suffix(2_000))")

        let profiles = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("results/profiles").path)
        #expect(profiles.count == 3)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("results/merge-summary.json")))
            as! [String: Any]
        #expect(summary["samples"] as? Int == 3)
        #expect(summary["outputFormat"] as? String == "biom-hdf5")
        let inspect = try MHubRunner.run(["inspect", folder.appendingPathComponent("results/cohort.biom").path])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("samples:     3"), "\(inspect.stdout)")
    }
}
