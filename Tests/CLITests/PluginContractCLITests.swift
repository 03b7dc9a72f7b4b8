import Foundation
import Testing

/// The plugin contract as users meet it: one import step, declared options checked with a
/// suggestion, and one format's whole description.
@Suite struct PluginContractCLITests {
    let crlfTitle = MHubRunner.packageRoot.appendingPathComponent("Conformance/wide-tsv/valid-own-crlf-title.tsv").path

    @Test func aTabularConvertLogsImportThenExport() throws {
        let output = try MHubRunner.scratchDirectory().appendingPathComponent("x.profile.json")
        let result = try MHubRunner.run(["convert", crlfTitle, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let profile = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        let provenance = profile?["provenance"] as? [String: Any]
        let steps = (provenance?["steps"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
        #expect(steps == ["import", "export"])
    }

    @Test func aMisspeltExportOptionIsAUsageErrorWithASuggestion() throws {
        let output = try MHubRunner.scratchDirectory().appendingPathComponent("x.tsv")
        let result = try MHubRunner.run(["convert", crlfTitle, "-o", output.path, "--to", "wide-tsv",
                                         "--export-option", "orientaton=samples-as-rows"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean 'orientation'?"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test(arguments: [["--to", "biom-json", "--export-option", "compression=3"],
                      ["--to", "biom-json", "--export-option", "orientaton=samples-as-rows"],
                      ["--to", "biom-json", "--export-option", "matrix-type=diagonal"],
                      ["--to", "biom-hdf5", "--export-option", "compression=12"],
                      ["--to", "wide-tsv", "--option", "orientation=diagonal"]])
    func undeclaredOptionsAndValuesExitTwo(arguments: [String]) throws {
        let output = try MHubRunner.scratchDirectory().appendingPathComponent("x.out")
        let result = try MHubRunner.run(["convert", crlfTitle, "-o", output.path] + arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("[invalid-option]"), "\(result.stderr)")
    }

    @Test func formatsIDPrintsTheWholeDescriptionWithItsOptions() throws {
        let result = try MHubRunner.run(["formats", "wide-tsv"])
        #expect(result.status == 0)
        for text in ["wide-tsv: Wide table (TSV)", "import options (--option NAME=VALUE):", "export options (--export-option NAME=VALUE):",
                     "orientation", "taxa-as-rows | samples-as-rows", "structure", "export loses:"] {
            #expect(result.stdout.contains(text), "\(text) missing from:\n\(result.stdout)")
        }
        let json = try MHubRunner.run(["formats", "biom-hdf5", "--json"])
        let description = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
        let options = description?["exportOptions"] as? [[String: Any]]
        #expect(options?.first?["name"] as? String == "compression")
        #expect(options?.first?["type"] as? String == "integer")
        #expect(options?.first?["maximum"] as? Int == 9)
        #expect(try MHubRunner.run(["formats", "no-such-format"]).status == 2)
    }

    @Test func conformanceRefusesAnExportOptionTheCheckedPluginDoesNotDeclare() throws {
        let result = try MHubRunner.run(["conformance", "--format", "wide-tsv", "--export-option", "orientaton=samples-as-rows"],
                                        in: MHubRunner.packageRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean 'orientation'?"), "\(result.stderr)")
    }
}
