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
}
