import Foundation
import XCTest

/// Exit codes, one-line errors and atomic output, through the real executable.
final class UsageAndErrorTests: XCTestCase {
    func testUnknownOptionIsAUsageError() throws {
        let result = try MHubRunner.run(["formats", "--no-such-option"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--no-such-option"), result.stderr)
    }

    func testUnknownFormatIDIsAUsageError() throws {
        let directory = try MHubRunner.scratchDirectory()
        let input = directory.appendingPathComponent("in.txt")
        try Data("x".utf8).write(to: input)
        let result = try MHubRunner.run(["convert", input.path, "-o", directory.appendingPathComponent("out.json").path,
                                         "--to", "no-such-format"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no-such-format"), result.stderr)
    }

    func testStandardOutputNeedsAnExplicitFormat() throws {
        let result = try MHubRunner.run(["convert", "-", "-o", "-"], stdin: Data())
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--to"), result.stderr)
    }

    func testMissingFileIsADataError() throws {
        let result = try MHubRunner.run(["inspect", "/nonexistent/report.tsv"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("/nonexistent/report.tsv"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "errors are one line: \(result.stderr)")
    }

    func testEmptyFileIsReportedAsEmpty() throws {
        let directory = try MHubRunner.scratchDirectory()
        let input = directory.appendingPathComponent("empty.tsv")
        try Data().write(to: input)
        let result = try MHubRunner.run(["convert", input.path, "-o", directory.appendingPathComponent("out.profile.json").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("empty.tsv"), result.stderr)
        XCTAssertTrue(result.stderr.contains("empty-input"), result.stderr)
        XCTAssertEqual(try MHubRunner.listing(directory), ["empty.tsv"], "no output or temporary file is left")
    }

    func testBinaryJunkIsUnrecognizedAndLeavesNoOutput() throws {
        let directory = try MHubRunner.scratchDirectory()
        let input = directory.appendingPathComponent("junk.bin")
        var generator = SystemRandomNumberGenerator()
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: input)
        let result = try MHubRunner.run(["convert", input.path, "-o", directory.appendingPathComponent("out.profile.json").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("junk.bin"), result.stderr)
        XCTAssertEqual(try MHubRunner.listing(directory), ["junk.bin"])
    }

    func testDetectOnJunkExitsOneAndListsWhatWasTried() throws {
        let result = try MHubRunner.run(["detect", "-"], stdin: Data("%%% not a table %%%\n".utf8))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("unrecognized-format"), result.stderr)
        XCTAssertTrue(result.stderr.contains("mhub-json"), result.stderr)
    }

    func testFormatsListsThePluginsAsTextAndJSON() throws {
        let text = try MHubRunner.run(["formats"])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("mhub-json"))
        let json = try MHubRunner.run(["formats", "--json"])
        XCTAssertEqual(json.status, 0)
        let formats = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [[String: Any]])
        XCTAssertTrue(formats.contains { $0["id"] as? String == "mhub-json" })
    }
}
