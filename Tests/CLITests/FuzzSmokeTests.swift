import Foundation
import Testing

/// A short run of the mutation harness (`mhub-fuzz`, what `scripts/fuzz` drives) per importer
/// family, with fixed seeds so that a failure reproduces: no mutated conformance case may
/// crash an importer or hang it. Longer runs are `scripts/fuzz FORMAT SECONDS`.
@Suite struct FuzzSmokeTests {
    static let formats: [(id: String, fileExtension: String)] = [
        ("wide-tsv", "tsv"), ("biom-json", "biom"), ("biom-hdf5", "biom"), ("mhub-json", "json"), ("kraken2-report", "txt"),
        ("metaphlan-profile", "txt"), ("mhub-yaml", "yaml"), ("mhub-xml", "xml"),
    ]

    static var harness: URL { MHubRunner.executable.deletingLastPathComponent().appendingPathComponent("mhub-fuzz") }

    @Test(arguments: formats.map(\.id))
    func mutatedCasesNeitherCrashNorHang(_ format: String) throws {
        let folder = MHubRunner.packageRoot.appendingPathComponent("Conformance/\(format)")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { ($0.hasPrefix("valid-") || $0.hasPrefix("invalid-")) && !$0.hasSuffix(".error") && !$0.contains("+") }
            .filter { format == "mhub-json" || !$0.hasSuffix(".profile.json") }
            .map { folder.appendingPathComponent($0).path }
        #expect(!seeds.isEmpty)
        let fileExtension = Self.formats.first { $0.id == format }?.fileExtension ?? "txt"
        let note = try MHubRunner.scratchDirectory().appendingPathComponent("current-input")
        let process = Process()
        process.executableURL = Self.harness
        process.arguments = [format, fileExtension, "2", "14", note.path] + seeds
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let finding = FileManager.default.contents(atPath: note.path).map { "\($0.count) bytes, kept at \(note.path)" } ?? "none kept"
        #expect(process.terminationReason == .exit && process.terminationStatus == 0,
                "mhub-fuzz \(format) ended with status \(process.terminationStatus); input: \(finding)")
    }
}
