import BuiltInFormats
import ConformanceKit
import FormatKit
import Foundation
import Testing

/// Whether the registry has the profile JSON plugin goldens and reference tables are written in.
let profileJSONAvailable = (try? BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil)))?
    .plugin(id: goldenFormatID) is any ProfileCodec

/// The reference tables on disk are exactly the ones `ReferenceTables` defines; `MHUB_RECORD=1`
/// rewrites them (and fails, like every recording).
@Suite(.enabled(if: profileJSONAvailable, "needs the mhub-json plugin")) struct ReferenceTableTests {
    static let folder = packageRoot.appendingPathComponent("Conformance/reference")

    @Test(arguments: ReferenceTables.all.map(\.name))
    func referenceTableMatchesItsDefinition(name: String) throws {
        let registry = try BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))
        let codec = try #require(registry.plugin(id: goldenFormatID) as? any ProfileCodec)
        let table = try #require(ReferenceTables.all.first { $0.name == name }).table()
        let file = Self.folder.appendingPathComponent("\(name).profile.json")
        if ConformanceOptions.recordingRequested() {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            var sink = try OutputSink(fileURL: file)
            try codec.write(table, to: &sink, options: ExportOptions())
            try sink.flush()
            Issue.record("MHUB_RECORD=1: recorded \(file.lastPathComponent); review it, then run again without MHUB_RECORD")
            return
        }
        let stored = try codec.read(ImportInput(url: file, name: file.lastPathComponent), options: ImportOptions())
        let differences = ProfileComparison.differences(expected: table, actual: stored)
        #expect(differences.isEmpty, "\(differences.prefix(10).map(\.description).joined(separator: "\n"))")
    }
}

/// Every reference definition builds, whatever the golden codec.
@Suite struct ReferenceTableDefinitionTests {
    @Test(arguments: ReferenceTables.all.map(\.name))
    func definitionBuilds(name: String) throws {
        let table = try #require(ReferenceTables.all.first { $0.name == name }).table()
        #expect(!table.samples.isEmpty && !table.taxa.isEmpty && table.abundances.nonZeroCount > 0)
    }
}
