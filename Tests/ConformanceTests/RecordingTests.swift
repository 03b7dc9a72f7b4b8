import ConformanceFixtures
import ConformanceKit
import Foundation
import Testing

/// `MHUB_RECORD=1` rewrites goldens, and the run that records fails so recording is never silent.
@Suite struct RecordingTests {
    @Test func recordingWritesGoldensAndFailsTheRun() throws {
        let cases = try scratchCopy(of: fixtureCases("tiny-table"))
        defer { try? FileManager.default.removeItem(at: cases) }
        let golden = cases.appendingPathComponent("valid-basic.profile.json")
        let original = try Data(contentsOf: golden)
        try FileManager.default.removeItem(at: golden)

        let recording = try runInProcess(TinyTableFormat(), cases: cases, record: true)
        let item = try #require(recording.item(.import, "valid-basic"))
        #expect(item.verdict == .failed)
        #expect(item.message.hasPrefix("MHUB_RECORD=1: recorded valid-basic.profile.json"))
        #expect(try Data(contentsOf: golden) == original)

        let checking = try runInProcess(TinyTableFormat(), cases: cases)
        #expect(checking.passed, "\(checking.failures)")
    }

    @Test func aRecordingRunReportsTheChecksItSkipsAsSkipped() throws {
        let cases = try scratchCopy(of: fixtureCases("tiny-table"))
        defer { try? FileManager.default.removeItem(at: cases) }
        let recording = try runInProcess(TinyTableFormat(), cases: cases, record: true)
        #expect(recording.verdict(of: .mutations) == .skipped)
        #expect(!recording.items.contains { $0.check == .mutations && $0.verdict == .passed })
        let checking = try runInProcess(TinyTableFormat(), cases: cases)
        #expect(checking.verdict(of: .mutations) == .passed)
    }

    @Test func withoutAGoldenTheImportCheckSaysHowToRecordOne() throws {
        let cases = try scratchCopy(of: fixtureCases("tiny-table"))
        defer { try? FileManager.default.removeItem(at: cases) }
        try FileManager.default.removeItem(at: cases.appendingPathComponent("valid-basic.profile.json"))
        let report = try runInProcess(TinyTableFormat(), cases: cases)
        let item = try #require(report.item(.import, "valid-basic"))
        #expect(item.message == "valid-basic.profile.json does not exist; record the golden with MHUB_RECORD=1 and review it")
    }

    @Test func theRecordSwitchIsTheEnvironmentVariable() {
        #expect(ConformanceOptions.recordingRequested(in: ["MHUB_RECORD": "1"]))
        #expect(!ConformanceOptions.recordingRequested(in: [:]))
    }
}
