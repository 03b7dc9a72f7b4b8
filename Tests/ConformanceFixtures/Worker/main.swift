import ConformanceFixtures
import ConformanceKit
import FormatKit
import Foundation

// Runs one fixture plugin's battery as an isolated worker: `conformance-fixture-worker --worker <request JSON>`.
let arguments = CommandLine.arguments
guard arguments.count == 3, arguments[1] == "--worker" else {
    FileHandle.standardError.write(Data("usage: conformance-fixture-worker --worker <request JSON>\n".utf8))
    exit(2)
}
do {
    let request = try WorkerRequest.decode(arguments[2])
    // The fixture variants detect alike, so each is checked beside the golden codec only.
    guard let plugin = FixturePlugins.all.first(where: { $0.format.id == request.formatID }) else {
        throw ConformanceSetupError.unknownFormat(request.formatID)
    }
    let registry = try FormatRegistry(plugin is FixtureJSONFormat ? [plugin] : [FixtureJSONFormat(), plugin])
    let environment = ConformanceEnvironment(
        registry: registry, golden: FixtureJSONFormat(),
        referenceDirectory: request.referenceDirectory.map { URL(fileURLWithPath: $0) }, options: request.options)
    let battery = ConformanceBattery(plugin: plugin, caseDirectory: URL(fileURLWithPath: request.casesDirectory),
                                     environment: environment)
    exit(ConformanceWorker.serve(battery, request: request))
} catch {
    FileHandle.standardError.write(Data("conformance-fixture-worker: \(error)\n".utf8))
    exit(1)
}
