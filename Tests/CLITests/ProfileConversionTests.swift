import Foundation
import XCTest

/// `convert`, `inspect` and `detect` end to end on profile JSON cases.
final class ProfileConversionTests: XCTestCase {
    private let cases = MHubRunner.packageRoot.appendingPathComponent("Conformance/mhub-json")

    private func caseFile(_ name: String) -> String { cases.appendingPathComponent(name).path }

    private func json(_ data: Data) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testStandardInputToStandardOutput() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: caseFile("valid-counts-leaves.json")))
        let result = try MHubRunner.run(["convert", "-", "-o", "-", "--to", "mhub-json"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let profile = try json(result.stdoutBytes)
        let steps = try XCTUnwrap((profile["provenance"] as? [String: Any])?["steps"] as? [[String: Any]])
        XCTAssertEqual(steps.suffix(2).map { $0["action"] as? String }, ["import", "export"])
        XCTAssertEqual(((steps.suffix(2).first?["parameters"]) as? [String: String])?["file"], "<stdin>")
    }

    func testConvertingTheSameInputTwiceGivesTheSameBytes() throws {
        let directory = try MHubRunner.scratchDirectory()
        let first = directory.appendingPathComponent("a.profile.json"), second = directory.appendingPathComponent("b.profile.json")
        for output in [first, second] {
            let result = try MHubRunner.run(["convert", caseFile("valid-typed-metadata.json"), "-o", output.path])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
    }

    func testInspectCountsACumulativeProfileOnce() throws {
        let result = try MHubRunner.run(["inspect", caseFile("valid-percent-cumulative.json"), "--json", "--samples"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try json(result.stdoutBytes)
        XCTAssertEqual(summary["format"] as? String, "mhub-json")
        XCTAssertEqual(summary["structure"] as? String, "cladeCumulative")
        XCTAssertEqual(summary["unit"] as? String, "percent")
        let totals = try XCTUnwrap(summary["sampleTotals"] as? [[String: Any]], "--samples lists each sample")
        XCTAssertFalse(totals.isEmpty)
        for total in totals {
            // Each rank sums to about 100 %; summing every row would give several hundred.
            XCTAssertEqual(try XCTUnwrap(total["total"] as? Double), 100, accuracy: 1)
        }
        let text = try MHubRunner.run(["inspect", caseFile("valid-percent-cumulative.json")])
        XCTAssertTrue(text.stdout.contains("structure:   cladeCumulative"), text.stdout)
    }

    func testLeavesAndUnitConversionOnTheWayOut() throws {
        let result = try MHubRunner.run(["convert", caseFile("valid-percent-cumulative.json"), "-o", "-", "--to", "mhub-json",
                                         "--to-leaves", "--output-unit", "relative"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let profile = try json(result.stdoutBytes)
        XCTAssertEqual(profile["structure"] as? String, "leaves")
        XCTAssertEqual(profile["unit"] as? String, "relative")
    }

    func testDetectNamesTheFormatWithAReason() throws {
        let result = try MHubRunner.run(["detect", caseFile("valid-unicode.json"), "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let candidates = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [[String: Any]])
        XCTAssertEqual(candidates.first?["formatID"] as? String, "mhub-json")
        XCTAssertFalse((candidates.first?["reason"] as? String ?? "").isEmpty)
    }

    /// Bad input: a typed one-line error naming file and line, exit 1, and no output file.
    func testBadInputsFailWithFileLineAndLeaveNothing() throws {
        let expectations: [(file: String, code: String, line: Int)] = [
            ("invalid-truncated.json", "syntax", 25),
            ("invalid-nan.json", "invalid-value", 14),
            ("invalid-negative.json", "invalid-value", 0),
            ("invalid-duplicate-sample.json", "duplicate-sample", 7),
        ]
        for expectation in expectations {
            let directory = try MHubRunner.scratchDirectory()
            let output = directory.appendingPathComponent("out.profile.json")
            let result = try MHubRunner.run(["convert", caseFile(expectation.file), "-o", output.path])
            XCTAssertEqual(result.status, 1, "\(expectation.file): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("[\(expectation.code)]"), result.stderr)
            XCTAssertTrue(result.stderr.contains(expectation.file + ":"), "names the file and line: \(result.stderr)")
            if expectation.line > 0 {
                XCTAssertTrue(result.stderr.contains("\(expectation.file):\(expectation.line)"), result.stderr)
            }
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            XCTAssertEqual(try MHubRunner.listing(directory), [], "no output or temporary file is left")
        }
    }

    func testAFailedConversionKeepsAnExistingOutputUntouched() throws {
        let directory = try MHubRunner.scratchDirectory()
        let output = directory.appendingPathComponent("out.profile.json")
        try Data("previous contents".utf8).write(to: output)
        let result = try MHubRunner.run(["convert", caseFile("invalid-truncated.json"), "-o", output.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "previous contents")
        XCTAssertEqual(try MHubRunner.listing(directory), ["out.profile.json"])
    }

    func testStrictTurnsWarningsIntoFailure() throws {
        let file = caseFile("valid-diagnostics-provenance.json")
        let relaxed = try MHubRunner.run(["inspect", file])
        XCTAssertEqual(relaxed.status, 0, relaxed.stderr)
        let strict = try MHubRunner.run(["inspect", file, "--strict"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("[strict]"), strict.stderr)
    }
}
