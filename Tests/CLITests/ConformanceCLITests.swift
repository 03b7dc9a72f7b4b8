import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `mhub conformance` as a user runs it, on a descriptor file: each plugin's battery runs in a
/// worker process started from the command, which must load the same descriptor.
final class ConformanceCLITests: XCTestCase {
    private let root = MHubRunner.packageRoot
    private var fixtures: URL { root.appendingPathComponent("Tests/ConformanceFixtures") }
    private var descriptor: String { fixtures.appendingPathComponent("Descriptors/fixture-lab-report.yaml").path }
    private func cases(_ name: String) -> String { fixtures.appendingPathComponent("Cases/\(name)").path }

    func testADescriptorWithItsOwnCasesPassesWithJSONAndJUnitReports() throws {
        let junit = try MHubRunner.scratchDirectory().appendingPathComponent("conformance.xml")
        let result = try MHubRunner.run(["conformance", "--descriptor", descriptor, "--cases", cases("fixture-lab-report"),
                                         "--json", "--junit", junit.path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)

        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        let plugin = try XCTUnwrap((report["plugins"] as? [[String: Any]])?.first)
        XCTAssertEqual(plugin["formatID"] as? String, "fixture-lab-report")
        XCTAssertEqual(plugin["kind"] as? String, "descriptor")
        let checks = Set((plugin["items"] as? [[String: Any]] ?? []).compactMap { $0["check"] as? String })
        XCTAssertEqual(checks, ["detect", "import", "reject", "round-trip", "deterministic", "mutations", "coverage"])

        let document = try XMLDocument(data: Data(contentsOf: junit))
        let suite = try XCTUnwrap(document.rootElement()?.elements(forName: "testsuite").first)
        XCTAssertEqual(suite.attribute(forName: "name")?.stringValue, "fixture-lab-report")
        XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, "0")
        XCTAssertGreaterThan(Int(suite.attribute(forName: "tests")?.stringValue ?? "") ?? 0, 20)
    }

    func testABrokenCaseFolderFailsNamingTheCaseAndTheCheck() throws {
        let result = try MHubRunner.run(["conformance", "--descriptor", descriptor, "--cases", cases("fixture-lab-report-broken")])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("""
            ✗ fixture-lab-report · import · valid-basic
                1 difference from golden valid-basic.profile.json:
                  - abundances [sample 'FL-0042', taxon 'Bacteroides']: expected 30.5, got 30.25
            """), result.stdout)
        XCTAssertTrue(result.stdout.contains("""
            ✗ fixture-lab-report · reject · invalid-not-a-number
                failed with invalid-value at line 6, expected invalid-value at line 5
            """), result.stdout)
        XCTAssertTrue(result.stderr.contains("mhub: conformance: 1 plugin: 0 passed, 1 failed"), result.stderr)
    }

    func testABrokenDescriptorFileReportsEveryProblemWithItsPosition() throws {
        let file = try MHubRunner.scratchDirectory().appendingPathComponent("broken.yaml")
        try "descriptor: 1\nid: Broken_Lab\nname: Broken\ncolour: blue\nsample:\n  file_name: true\ncolumns:\n  taxon_name: name\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try MHubRunner.run(["conformance", "--descriptor", file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        // One line per problem, each starting with the file and line, each blaming the descriptor.
        let lines = result.stderr.split(separator: "\n")
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("mhub: \(file.path):") && $0.hasSuffix("documented in Formats/README.md)") },
                      result.stderr)
        for expected in ["mhub: \(file.path):4:1: error [descriptor.invalid]: unknown key 'colour'",
                         "\(file.path):2:5: error [descriptor.invalid]: id 'Broken_Lab' must be lowercase",
                         "\(file.path):8:3: error [descriptor.invalid]: columns.abundance is required"] {
            XCTAssertTrue(result.stderr.contains(expected), "\(expected)\n\(result.stderr)")
        }
    }

    /// An edited copy of a built-in descriptor replaces the built-in for the run, and is checked
    /// against the built-in's cases: unchanged it passes, changed it fails.
    func testACopyOfABuiltInDescriptorReplacesItAndUsesItsCaseFolder() throws {
        let original = try String(contentsOf: root.appendingPathComponent("Formats/descriptors/bracken/abundance-table-v1.yaml"),
                                  encoding: .utf8)
        let folder = try MHubRunner.scratchDirectory()
        let copy = folder.appendingPathComponent("bracken-copy.yaml")
        try original.write(to: copy, atomically: true, encoding: .utf8)
        let unchanged = try MHubRunner.run(["conformance", "--descriptor", copy.path, "--json"], in: root)
        XCTAssertEqual(unchanged.status, 0, unchanged.stdout + unchanged.stderr)
        XCTAssertTrue(unchanged.stdout.contains("\"casesDirectory\" : \"\(root.appendingPathComponent("Conformance/bracken-abundance").path)\""))

        let edited = folder.appendingPathComponent("bracken-gtdb.yaml")
        try original.replacingOccurrences(of: "\ntaxonomy: ncbi\n", with: "\ntaxonomy: gtdb\n")
            .write(to: edited, atomically: true, encoding: .utf8)
        let changed = try MHubRunner.run(["conformance", "--descriptor", edited.path], in: root)
        XCTAssertEqual(changed.status, 1)
        XCTAssertTrue(changed.stdout.contains("taxa.id [taxon 'gtdb:9606']: expected absent, got present"), changed.stdout)
    }

    func testADescriptorCannotTakeTheIDOfACompiledPlugin() throws {
        let file = try MHubRunner.scratchDirectory().appendingPathComponent("clash.yaml")
        let text = try String(contentsOfFile: descriptor, encoding: .utf8)
            .replacingOccurrences(of: "id: fixture-lab-report", with: "id: wide-tsv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try MHubRunner.run(["conformance", "--descriptor", file.path, "--cases", cases("fixture-lab-report")])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("its id 'wide-tsv' belongs to the compiled plugin 'Wide table (TSV)'"), result.stderr)
    }

    func testRecordingWritesTheGoldensAndFailsTheRun() throws {
        let folder = try MHubRunner.scratchDirectory().appendingPathComponent("cases")
        try FileManager.default.copyItem(atPath: cases("fixture-lab-report"), toPath: folder.path)
        let golden = folder.appendingPathComponent("valid-unicode.profile.json")
        let expected = try Data(contentsOf: golden)
        try FileManager.default.removeItem(at: golden)

        let recording = try MHubRunner.run(["conformance", "--descriptor", descriptor, "--cases", folder.path],
                                           environment: ["MHUB_RECORD": "1"])
        XCTAssertEqual(recording.status, 1)
        XCTAssertTrue(recording.stdout.contains("MHUB_RECORD=1: recorded valid-unicode.profile.json; review it"), recording.stdout)
        XCTAssertEqual(try Data(contentsOf: golden), expected)
        let checking = try MHubRunner.run(["conformance", "--descriptor", descriptor, "--cases", folder.path])
        XCTAssertEqual(checking.status, 0, checking.stdout)
    }

    func testOnlyOnePluginCanBeNamed() throws {
        let result = try MHubRunner.run(["conformance", "--descriptor", descriptor, "--format", "wide-tsv"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--format, --descriptor and --external each name the plugin to check"), result.stderr)
    }
}
