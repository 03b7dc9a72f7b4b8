import BuiltInFormats
import ConformanceKit
import FormatDescriptors
import FormatKit
import Foundation
import Testing

/// The guard: every plugin in `Plugins/` and every descriptor in `Formats/descriptors/` is
/// registered, every registered plugin has conformance cases, and every registered plugin
/// passes the whole battery, so `swift test` fails when one breaks.
@Suite struct BuiltInPluginTests {
    static let conformance = packageRoot.appendingPathComponent("Conformance")

    /// The registry a run without user plugins gets: compiled plugins and built-in descriptors.
    static let registry = try? BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))

    static let registeredIDs = registry?.plugins.map(\.format.id) ?? []

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

    /// The descriptor files below `Formats/descriptors/`, as paths relative to that folder.
    static func descriptorFiles() -> Set<String> {
        let folder = packageRoot.appendingPathComponent("Formats/descriptors")
        var paths: Set<String> = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard ["yaml", "yml"].contains(url.pathExtension) else { continue }
            paths.insert(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
        }
        return paths
    }

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

    @Test func everyDescriptorFileIsRegistered() throws {
        let registry = try #require(Self.registry)
        let registered = Set(registry.plugins.compactMap { ($0 as? DescriptorFormat)?.descriptor.origin })
        let files = Self.descriptorFiles()
        #expect(!files.isEmpty)
        for path in files.sorted() {
            #expect(registered.contains("builtin:\(path)"),
                    "Formats/descriptors/\(path) is not registered; run scripts/embed-descriptors")
        }
    }

    @Test func everyPluginFamilyFolderIsATarget() throws {
        let manifest = try String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let families = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Plugins").path)
        for family in families.sorted() {
            #expect(manifest.contains("path: \"Plugins/\(family)\""), "Plugins/\(family) is not a target in Package.swift")
        }
    }

    @Test(arguments: registeredIDs)
    func everyRegisteredPluginHasConformanceCases(id: String) throws {
        let plugin = try #require(Self.registry?.plugin(id: id))
        let cases = CaseFolder.discover(in: Self.conformance.appendingPathComponent(id))
        #expect(!cases.validCases.isEmpty, "Conformance/\(id)/ has no valid case")
        if plugin is any ProfileImporter {
            #expect(!cases.invalidCases.isEmpty, "Conformance/\(id)/ has no invalid case")
        }
    }

    @Test(arguments: registeredIDs)
    func everyRegisteredPluginPassesTheKit(id: String) throws {
        let registry = try #require(Self.registry)
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
