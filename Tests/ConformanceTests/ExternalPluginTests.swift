import ConformanceFixtures
import ExternalPlugins
import FormatKit
import Foundation
import ProfileModel
import Testing

/// The external plugin protocol: describe, import, export, and the limits that protect the
/// hub from plugins that hang, flood, crash or answer outside the protocol.
@Suite struct ExternalPluginTests {
    static let folder = packageRoot.appendingPathComponent("Tests/ConformanceFixtures/External")

    func load(_ id: String, limits: ExternalPluginLimits = ExternalPluginLimits()) throws -> any FormatPlugin {
        try ExternalPluginLoader.load(executable: Self.folder.appendingPathComponent("mhub-format-\(id)").path,
                                      wire: FixtureJSONFormat(), limits: limits)
    }

    /// A small table written as fixture profile JSON, and an input for it.
    func sampleInput() throws -> (ProfileTable, ImportInput) {
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
        try builder.addSample(Sample(id: "S1"))
        try builder.addTaxon(Taxon(id: "t1", label: "Bacteroides"))
        try builder.setValue(12, sample: 0, taxon: 0)
        let table = try builder.build()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-external-\(UUID().uuidString).json")
        var sink = try OutputSink(fileURL: file)
        try FixtureJSONFormat().write(table, to: &sink, options: ExportOptions())
        try sink.flush()
        return (table, ImportInput(url: file, name: "sample.json"))
    }

    func importError(_ id: String, limits: ExternalPluginLimits = ExternalPluginLimits()) throws -> ImportError {
        let importer = try #require(try load(id, limits: limits) as? any ProfileImporter)
        let (_, input) = try sampleInput()
        do {
            _ = try importer.read(input, options: ImportOptions())
        } catch {
            return error
        }
        Issue.record("the import of \(id) succeeded")
        throw CancellationError()
    }

    @Test func describeChoosesTheWrapperForTheCapabilities() throws {
        #expect(try load("echo") is ExternalImporterExporter)
        #expect(try load("sleepy") is ExternalImporter)
        let format = try load("echo").format
        #expect(format.kind == .external)
        #expect(format.exportLosses == ["diagnostics: test loss"])
    }

    @Test func importAndExportCarryTablesAsProfileJSON() throws {
        let plugin = try load("echo")
        let (table, input) = try sampleInput()
        let imported = try #require(plugin as? any ProfileImporter).read(input, options: ImportOptions())
        #expect(imported == table)
        let exporter = try #require(plugin as? any ProfileExporter)
        #expect(try exporter.losses(for: table, options: ExportOptions()) == [DeclaredLoss(field: .diagnostics, detail: "test loss")])
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-external-\(UUID().uuidString).json")
        var sink = try OutputSink(fileURL: output)
        try exporter.write(table, to: &sink, options: ExportOptions())
        try sink.flush()
        let reread = try FixtureJSONFormat().read(ImportInput(url: output), options: ImportOptions())
        #expect(reread == table)
    }

    @Test func detectionFollowsTheDeclaredRuleWithoutStartingAProcess() throws {
        let importer = try #require(try load("echo") as? any ProfileImporter)
        let json = InputPrefix(fileName: "a.json", bytes: Array("{\"a\": 1}".utf8), text: "{\"a\": 1}", isComplete: true)
        let text = InputPrefix(fileName: "a.json", bytes: Array("hello".utf8), text: "hello", isComplete: true)
        #expect(importer.detect(json).confidence == 0.5)
        #expect(importer.detect(text) == .noMatch)
    }

    @Test func aHangingPluginIsKilledWithATypedError() throws {
        let error = try importError("sleepy", limits: ExternalPluginLimits(timeLimit: 1))
        #expect(error.code == "limit-exceeded")
        #expect(error.message.contains("did not finish within 1 s and was killed"))
    }

    @Test func aFloodingPluginIsKilledWithATypedError() throws {
        let error = try importError("flood", limits: ExternalPluginLimits(outputLimit: 4096))
        #expect(error.code == "limit-exceeded")
        #expect(error.message.contains("wrote more than 4096 bytes to standard output"))
    }

    @Test func aReportedErrorBecomesTheImportErrorItNames() throws {
        let error = try importError("reports-error")
        #expect(error == .invalidValue(SourceLocation(file: "sample.json", line: 3), value: "x", reason: "is not a number"))
    }

    @Test func aCrashIsAPluginFailureNamingTheSignal() throws {
        let error = try importError("crashes")
        #expect(error.code == "plugin-failure")
        #expect(error.message.contains("SIGSEGV"))
    }

    @Test func anAnswerThatIsNotProfileJSONIsAPluginFailure() throws {
        let error = try importError("garbage")
        #expect(error.code == "plugin-failure")
        #expect(error.message.contains("invalid profile JSON"))
    }

    @Test func aPluginMustBeNamedAfterTheFormatItDescribes() throws {
        let path = Self.folder.appendingPathComponent("misnamed/mhub-format-misnamed").path
        #expect(throws: RegistryError.pluginLoadFailed(path: path, reason: "describes format 'something-else' but is named mhub-format-misnamed; name it mhub-format-something-else")) {
            try ExternalPluginLoader.load(executable: path, wire: FixtureJSONFormat())
        }
    }

    @Test func discoveryLoadsEveryPluginOfAFolderByName() throws {
        let plugins = try ExternalPluginLoader.discover(in: [Self.folder.path], wire: FixtureJSONFormat())
        #expect(plugins.map(\.format.id) == ["crashes", "echo", "flood", "garbage", "reports-error", "sleepy"])
        #expect(ExternalPluginLoader.searchPath("/a::/b") == ["/a", "/b"])
    }
}
