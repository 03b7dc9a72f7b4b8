import ConformanceFixtures
import ConformanceKit
import FormatKit
import Foundation
import ProfileModel

/// The package's root folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The fixture case folders (`Tests/ConformanceFixtures/Cases/<name>`).
func fixtureCases(_ name: String) -> URL {
    packageRoot.appendingPathComponent("Tests/ConformanceFixtures/Cases").appendingPathComponent(name)
}

/// The folder the build puts executables in (the test bundle sits beside them).
var productsDirectory: URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    fatalError("no .xctest bundle found")
    #else
    return Bundle.main.bundleURL
    #endif
}

/// Runs a fixture plugin's battery in this process, beside the fixture golden codec only.
func runInProcess(_ plugin: any FormatPlugin, cases: URL, record: Bool = false,
                  reference: URL = fixtureCases("reference")) throws -> PluginReport {
    let registry = try FormatRegistry([FixtureJSONFormat(), plugin])
    let environment = ConformanceEnvironment(registry: registry, golden: FixtureJSONFormat(), referenceDirectory: reference,
                                             options: ConformanceOptions(timeLimit: 60, record: record))
    let battery = ConformanceBattery(plugin: plugin, caseDirectory: cases, environment: environment)
    return PluginReport(formatID: plugin.format.id, kind: plugin.format.kind, casesDirectory: cases.path, items: battery.run())
}

/// Runs a fixture plugin's battery isolated, in `conformance-fixture-worker` child processes.
func runIsolated(_ formatID: String, cases: URL, timeLimit: Double = 60) -> PluginReport {
    let worker = productsDirectory.appendingPathComponent("conformance-fixture-worker").path
    let runner = IsolatedRunner(launcher: WorkerLauncher(executable: worker) { ["--worker", $0.encoded()] })
    let request = WorkerRequest(formatID: formatID, casesDirectory: cases.path,
                                referenceDirectory: fixtureCases("reference").path, timeLimit: timeLimit, record: false)
    return PluginReport(formatID: formatID, kind: .compiled, casesDirectory: cases.path, items: runner.run(request))
}

extension PluginReport {
    /// The item for a check and subject, if it ran.
    func item(_ check: ConformanceCheck, _ subject: String) -> CheckItem? {
        items.first { $0.check == check && $0.subject == subject }
    }
}

/// A copy of a fixture folder in a fresh temporary folder, for tests that write into it.
func scratchCopy(of folder: URL) throws -> URL {
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-kit-test-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: folder, to: copy)
    return copy
}
