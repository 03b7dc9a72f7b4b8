import BuiltInFormats
import ConformanceKit
import FormatKit
import Foundation
import Testing

/// The example external plugin in `examples/external-plugin/` passes the whole battery.
@Suite(.enabled(if: profileJSONAvailable, "needs the mhub-json plugin")) struct ExamplePluginTests {
    @Test func theExamplePluginPassesTheKit() throws {
        let folder = packageRoot.appendingPathComponent("examples/external-plugin")
        let registry = try BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))
        let (extended, plugin) = try BuiltInFormats.addingExternal(
            folder.appendingPathComponent("mhub-format-example-lab-csv").path, to: registry)
        let environment = try ConformanceEnvironment(
            registry: extended, referenceDirectory: packageRoot.appendingPathComponent("Conformance/reference"),
            options: ConformanceOptions(record: ConformanceOptions.recordingRequested()))
        let battery = ConformanceBattery(plugin: plugin, caseDirectory: folder.appendingPathComponent("cases"),
                                         environment: environment)
        let report = ConformanceReport(plugins: [PluginReport(formatID: plugin.format.id, kind: .external,
                                                               casesDirectory: battery.cases.directory.path, items: battery.run())])
        #expect(report.passed, "\(ReportTable.render(report))")
    }

    /// Options declared in `describe` are the plugin's description; the kit round-trips every
    /// value of its choice export option, and an undeclared setting never reaches the plugin.
    @Test func theExamplePluginsDeclaredOptionsAreCheckedAndExercised() throws {
        let folder = packageRoot.appendingPathComponent("examples/external-plugin")
        let registry = try BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))
        let (extended, plugin) = try BuiltInFormats.addingExternal(
            folder.appendingPathComponent("mhub-format-example-lab-csv").path, to: registry)
        #expect(plugin.format.importOptions.map(\.name) == ["structure"])
        #expect(plugin.format.exportOptions.map(\.kind) == [.choice(["lf", "crlf"])])
        let environment = try ConformanceEnvironment(
            registry: extended, referenceDirectory: packageRoot.appendingPathComponent("Conformance/reference"))
        let items = ConformanceBattery(plugin: plugin, caseDirectory: folder.appendingPathComponent("cases"),
                                       environment: environment).run()
        #expect(items.contains { $0.subject == "reference counts-leaves [line-ending=crlf]" && $0.verdict == .passed })
        let input = ImportInput(url: folder.appendingPathComponent("cases/valid-basic.csv"))
        let error = try #require(throws: ImportError.self) {
            try extended.importTable(input, formatID: nil, options: ImportOptions(parameters: ["structur": "leaves"]))
        }
        #expect(error.isUsageError)
        #expect(error.message.contains("did you mean 'structure'?"))
    }
}
