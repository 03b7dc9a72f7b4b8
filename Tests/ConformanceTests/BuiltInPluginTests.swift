import BuiltInFormats
import ConformanceKit
import FormatKit
import Foundation
import Testing

/// Every plugin in `Plugins/` is registered, every registered plugin has conformance cases,
/// and every registered plugin passes the whole battery, so `swift test` fails when one breaks.
@Suite struct BuiltInPluginTests {
    static let conformance = packageRoot.appendingPathComponent("Conformance")

    /// The type names of the plugin files in `Plugins/` (`KrakenReportFormat` for `KrakenReportFormat.swift`).
    static func pluginFiles() throws -> [String: String] {
        let plugins = packageRoot.appendingPathComponent("Plugins")
        var files: [String: String] = [:]
        for family in try FileManager.default.contentsOfDirectory(atPath: plugins.path).sorted() {
            let folder = plugins.appendingPathComponent(family)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where name.hasSuffix("Format.swift") {
                files[String(name.dropLast(".swift".count))] = "Plugins/\(family)/\(name)"
            }
        }
        return files
    }

    static let compiledIDs = BuiltInFormats.compiled.map(\.format.id)

    @Test func everyPluginFileIsRegisteredAndEveryRegisteredPluginHasAFile() throws {
        let files = try Self.pluginFiles()
        let registered = Set(BuiltInFormats.compiled.map { String(describing: type(of: $0)) })
        for (typeName, path) in files.sorted(by: { $0.key < $1.key }) {
            #expect(registered.contains(typeName), "\(path) is not listed in BuiltInFormats.compiled")
        }
        for typeName in registered.sorted() {
            #expect(files[typeName] != nil, "\(typeName) is registered but there is no Plugins/<Family>/\(typeName).swift")
        }
    }

    @Test func everyPluginFamilyFolderIsATarget() throws {
        let manifest = try String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let families = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Plugins").path)
        for family in families.sorted() {
            #expect(manifest.contains("path: \"Plugins/\(family)\""), "Plugins/\(family) is not a target in Package.swift")
        }
    }

    @Test(arguments: compiledIDs)
    func everyRegisteredPluginHasConformanceCases(id: String) {
        let cases = CaseFolder.discover(in: Self.conformance.appendingPathComponent(id))
        #expect(!cases.validCases.isEmpty, "Conformance/\(id)/ has no valid case")
    }

    @Test(arguments: compiledIDs)
    func everyRegisteredPluginPassesTheKit(id: String) throws {
        let registry = try BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))
        let plugin = try #require(registry.plugin(id: id))
        let environment = try ConformanceEnvironment(
            registry: registry, referenceDirectory: Self.conformance.appendingPathComponent("reference"),
            options: ConformanceOptions(record: ConformanceOptions.recordingRequested()))
        let battery = ConformanceBattery(plugin: plugin, caseDirectory: Self.conformance.appendingPathComponent(id),
                                         environment: environment)
        let report = ConformanceReport(plugins: [PluginReport(formatID: id, kind: plugin.format.kind,
                                                               casesDirectory: battery.cases.directory.path, items: battery.run())])
        #expect(report.passed, "\(ReportTable.render(report))")
    }
}
