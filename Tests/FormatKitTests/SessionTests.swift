import Foundation
import Testing
@testable import FormatKit
import ProfileModel

/// What a test importer's detector hands to its reader.
private struct MarkerFindings: Hashable, Sendable {
    var markerLine: Int
}

/// An importer that claims inputs starting with `X` and records, in the table's source, the
/// findings its reader was handed.
private struct FindingsImporter: ProfileImporter {
    let format = FormatDescription(id: "finder", name: "finder", summary: "test", canImport: true, canExport: false,
                                   importOptions: [PluginOption(name: "mode", kind: .choice(["a", "b"]), help: "test")])

    func detect(_ prefix: InputPrefix) -> Detection {
        guard let line = prefix.lines.firstIndex(where: { $0.hasPrefix("X") }) else { return .noMatch }
        return .match(confidence: 0.9, reason: "an X line", findings: DetectionFindings(MarkerFindings(markerLine: line + 1)))
    }

    func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
        if let found = options.findings?.value(as: MarkerFindings.self) {
            builder.provenance.source[.attribute("found-line")] = String(found.markerLine)
        }
        builder.addDiagnostic(Diagnostic(.unitInferred, severity: .warning, message: "a warning"))
        do { return try builder.build() } catch { throw ImportError(error, at: input.location()) }
    }
}

/// A value shared between a test and the plugin it calls, behind a lock.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// Counts how often the export session plans and what it writes.
private final class Calls: Sendable {
    let plans = Locked(0)
    let written = Locked<[Int]>([])
}

/// An exporter whose plans are numbered, so a test can see which plan was written.
private struct CountingExporter: ProfileExporter {
    struct Plan: ExportPlan {
        let number: Int
        let losses: [DeclaredLoss]
    }

    let calls: Calls
    let format = FormatDescription(id: "counter", name: "counter", summary: "test", extensions: ["count"],
                                   canImport: false, canExport: true,
                                   exportOptions: [PluginOption(name: "style", kind: .choice(["plain", "fancy"]),
                                                                defaultValue: "plain", help: "test")])

    func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> Plan {
        let number = calls.plans.withLock { count in
            count += 1
            return count
        }
        return Plan(number: number, losses: [DeclaredLoss(field: .provenanceSteps,
                                                          detail: table.provenance.steps.map(\.action.rawValue).joined(separator: ","))])
    }

    func write(_ plan: Plan, to output: inout OutputSink) throws(ExportError) {
        calls.written.withLock { $0.append(plan.number) }
        try output.write("plan \(plan.number)\n")
    }
}

/// Collects what a policy reports.
private final class Reports: Sendable {
    let diagnostics = Locked<[Diagnostic]>([])
    var policy: WarningPolicy { WarningPolicy { diagnostic in self.diagnostics.withLock { $0.append(diagnostic) } } }
}

@Suite("Import and export sessions")
struct SessionTests {
    private func emptyTable() throws -> ProfileTable {
        try ProfileTableBuilder(unit: .counts, structure: .leaves).build()
    }

    @Test func theImportIsLoggedOnceWithItsSource() throws {
        let registry = try FormatRegistry([FindingsImporter()])
        let (input, _) = try temporaryInput(Array("X\n".utf8), name: "t.txt")
        let table = try registry.importTable(input, formatID: nil, options: ImportOptions()).table
        #expect(table.provenance.steps == [ProvenanceStep(action: .import, format: "finder", parameters: ["file": "t.txt"])])
        #expect(table.provenance.source[.sourceFormat] == "finder")
        #expect(table.provenance.source[.sourceFile] == "t.txt")
    }

    @Test(arguments: [nil, "finder"])
    func theDetectorsFindingsReachRead(formatID: String?) throws {
        let registry = try FormatRegistry([FindingsImporter()])
        let (input, _) = try temporaryInput(Array("title\nX\n".utf8), name: "t.txt")
        let table = try registry.importTable(input, formatID: formatID, options: ImportOptions()).table
        #expect(table.provenance.source[.attribute("found-line")] == "2")
    }

    @Test func aSampledInputIsNotReadAgainForItsPrefix() throws {
        let (input, url) = try temporaryInput(Array("X\nsecond line\n".utf8), name: "t.txt")
        let sampled = try input.sampling()
        try FileManager.default.removeItem(at: url)
        #expect(try sampled.prefix().lines == ["X", "second line"])
        #expect(throws: ImportError.self) { try input.prefix() }
    }

    @Test func anUndeclaredImportOptionIsAUsageError() throws {
        let registry = try FormatRegistry([FindingsImporter()])
        let (input, _) = try temporaryInput(Array("X\n".utf8), name: "t.txt")
        let error = try #require(throws: ImportError.self) {
            try registry.importTable(input, formatID: nil, options: ImportOptions(parameters: ["mdoe": "a"]))
        }
        #expect(error.isUsageError)
        #expect(error.code == "invalid-option")
        #expect(error.message.contains("did you mean 'mode'?"))
    }

    @Test func strictImportFailsOnWarnings() throws {
        let registry = try FormatRegistry([FindingsImporter()])
        let (input, _) = try temporaryInput(Array("X\n".utf8), name: "t.txt")
        let error = try #require(throws: ImportError.self) {
            try registry.importTable(input, formatID: nil, options: ImportOptions(), policy: WarningPolicy(strict: true))
        }
        #expect(error.code == "strict")
        #expect(try registry.importTable(input, formatID: nil, options: ImportOptions(), policy: .lenient).table.diagnostics.count == 1)
    }

    @Test func oneExportPlanServesTheLossesAndTheWrite() throws {
        let calls = Calls()
        let reports = Reports()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-session-\(UUID().uuidString).count")
        let report = try ExportSession.run(try emptyTable(), with: CountingExporter(calls: calls), toPath: output.path,
                                           options: ExportOptions(), policy: reports.policy)
        #expect(calls.plans.withLock { $0 } == 1)
        #expect(calls.written.withLock { $0 } == [1])
        #expect(try String(contentsOf: output, encoding: .utf8) == "plan 1\n")
        #expect(report.table.provenance.steps.map(\.action) == [.export])
        #expect(report.losses == [DeclaredLoss(field: .provenanceSteps, detail: "export")])
        #expect(reports.diagnostics.withLock { $0 } == [report.losses[0].diagnostic(format: "counter")])
        #expect(reports.diagnostics.withLock { $0.map(\.code) } == ["export.field-dropped"])
    }

    @Test func strictExportFailsBeforeWritingAnything() throws {
        let calls = Calls()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-session-\(UUID().uuidString).count")
        let error = try #require(throws: ExportError.self) {
            try ExportSession.run(try emptyTable(), with: CountingExporter(calls: calls), toPath: output.path,
                                  options: ExportOptions(), policy: WarningPolicy(strict: true))
        }
        #expect(error.code == "strict")
        #expect(calls.written.withLock { $0 }.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func anUndeclaredExportOptionIsRefusedBeforePlanning() throws {
        let calls = Calls()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-session-\(UUID().uuidString).count")
        let error = try #require(throws: ExportError.self) {
            try ExportSession.run(try emptyTable(), with: CountingExporter(calls: calls), toPath: output.path,
                                  options: ExportOptions(parameters: ["stlye": "fancy"]), policy: .lenient)
        }
        #expect(error.isUsageError)
        #expect(error.description.contains("did you mean 'style'?"))
        #expect(calls.plans.withLock { $0 } == 0)
    }
}
