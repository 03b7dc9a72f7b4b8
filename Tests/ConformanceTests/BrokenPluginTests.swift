import ConformanceFixtures
import ConformanceKit
import Foundation
import Testing

/// A kit that cannot fail is worthless: each deliberately broken plugin or case folder must
/// fail the run with a message that names the case and the check.
@Suite struct BrokenPluginTests {
    @Test func aCorrectPluginPassesEveryCheck() throws {
        let report = try runInProcess(TinyTableFormat(), cases: fixtureCases("tiny-table"))
        #expect(report.failures.isEmpty, "\(report.failures)")
        for check in ConformanceCheck.allCases {
            #expect(report.verdict(of: check) == .passed, "\(check)")
        }
    }

    @Test func aWrongGoldenFailsTheImportCheckWithTheFirstDifferences() throws {
        let report = try runInProcess(TinyTableFormat(), cases: fixtureCases("wrong-golden"))
        let item = try #require(report.item(.import, "valid-basic"))
        #expect(item.verdict == .failed)
        #expect(item.message.contains("golden valid-basic.profile.json"))
        #expect(item.message.contains("abundances [sample 'S1', taxon 'Bacteroides']: expected 121, got 120"))
        #expect(report.failures.map(\.key) == [item.key] + Mutation.textMutations.map { ItemKey(check: .mutations, subject: "valid-basic [\($0.name)]") }
                + [ItemKey(check: .mutations, subject: "valid-basic [gzip]")])
        #expect(ReportTable.render(ConformanceReport(plugins: [report])).contains("✗ tiny-table · import · valid-basic"))
    }

    @Test func aMissingInvalidCaseFailsCoverage() throws {
        let report = try runInProcess(TinyTableFormat(), cases: fixtureCases("no-invalid-case"))
        let item = try #require(report.item(.coverage, "cases"))
        #expect(item.verdict == .failed)
        #expect(item.message.contains("no invalid case"))
        #expect(report.failures.count == 1)
    }

    @Test func aMissingCaseFolderFailsCoverage() throws {
        let report = try runInProcess(TinyTableFormat(), cases: fixtureCases("no-such-folder"))
        let item = try #require(report.item(.coverage, "cases"))
        #expect(item.verdict == .failed)
        #expect(item.message.contains("no case folder"))
    }

    @Test func aNondeterministicExportFailsTheDeterministicCheck() throws {
        let report = try runInProcess(NondeterministicTableFormat(), cases: fixtureCases("nondeterministic-table"))
        let failed = report.failures
        #expect(!failed.isEmpty && failed.allSatisfy { $0.check == .deterministic })
        let item = try #require(report.item(.deterministic, "reference counts-leaves"))
        #expect(item.message.contains("two exports of the same table differ at byte"))
        #expect(item.message.contains("# export "))
    }

    @Test func aCrashingParserFailsItsItemsAndTheRunGoesOn() throws {
        let report = runIsolated("crashing-table", cases: fixtureCases("crashing-table"))
        let crash = try #require(report.item(.import, "valid-crash"))
        #expect(crash.verdict == .failed)
        #expect(crash.message.contains("crashed: the worker process was killed by signal"))
        #expect(crash.message.contains("fixture parser trips over a crash row"))
        // The cases that do not crash still ran, after the crashes.
        #expect(report.item(.import, "valid-basic")?.verdict == .passed)
        #expect(report.item(.reject, "invalid-ragged")?.verdict == .passed)
        #expect(report.item(.mutations, "valid-crash [gzip]")?.message.contains("crashed") == true)
        #expect(report.item(.coverage, "cases")?.verdict == .passed)
    }

    @Test func aHangingParserFailsItsItemsWithinTheTimeBound() throws {
        let report = runIsolated("hanging-table", cases: fixtureCases("hanging-table"), timeLimit: 2)
        let hang = try #require(report.item(.import, "valid-hang"))
        #expect(hang.verdict == .failed)
        #expect(hang.message.contains("did not finish within 2 s"))
        #expect(report.item(.import, "valid-basic")?.verdict == .passed)
        #expect(report.item(.coverage, "cases")?.verdict == .passed)
    }
}
