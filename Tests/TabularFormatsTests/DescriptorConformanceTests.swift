import BuiltInFormats
import ConformanceKit
import FormatKit
import Foundation
import Testing

/// Every built-in descriptor has conformance cases and passes the same battery as the
/// compiled plugins (detect, import against goldens, reject, mutations, coverage).
@Suite struct DescriptorConformanceTests {
    static let conformance = TableTestSupport.packageRoot.appendingPathComponent("Conformance")

    static let descriptorIDs: [String] = {
        let registry = try? BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))
        return registry?.plugins.filter { $0.format.kind == .descriptor }.map(\.format.id) ?? []
    }()

    @Test func thereAreBuiltInDescriptors() {
        #expect(Self.descriptorIDs.count >= 8)
    }

    @Test(arguments: descriptorIDs)
    func everyDescriptorPassesTheKit(id: String) throws {
        let registry = try BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))
        let plugin = try #require(registry.plugin(id: id))
        let environment = try ConformanceEnvironment(
            registry: registry, referenceDirectory: Self.conformance.appendingPathComponent("reference"),
            options: ConformanceOptions(record: ConformanceOptions.recordingRequested()))
        let battery = ConformanceBattery(plugin: plugin, caseDirectory: Self.conformance.appendingPathComponent(id),
                                         environment: environment)
        let items = battery.run()
        #expect(items.contains { $0.check == .reject }, "Conformance/\(id)/ has no invalid case")
        let report = ConformanceReport(plugins: [PluginReport(formatID: id, kind: plugin.format.kind,
                                                               casesDirectory: battery.cases.directory.path, items: items)])
        #expect(report.passed, "\(ReportTable.render(report))")
    }
}
