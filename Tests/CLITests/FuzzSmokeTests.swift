import Foundation
import Testing

/// A short run of the mutation harness (`mhub-fuzz`, what `scripts/fuzz` drives) per importer
/// family, with fixed seeds so that a failure reproduces: no mutated conformance case may
/// crash an importer or hang it. Longer runs are `scripts/fuzz FORMAT SECONDS`.
@Suite struct FuzzSmokeTests {
    /// biom-hdf5 is not among them yet: mutated HDF5 files make Debian's libhdf5 1.10.8 loop
    /// forever in its global-heap reader (`H5HG_read`; a kept case is in
    /// `Conformance/hostile/known/`), so a smoke run finds that hang sooner or later depending
    /// on the machine's speed. It returns once HDF5 files are read in a contained child process
    /// (issue 14, item 2); `scripts/fuzz biom-hdf5 SECONDS` runs it by hand meanwhile.
    static let formats: [(id: String, fileExtension: String)] = [
        ("wide-tsv", "tsv"), ("biom-json", "biom"), ("mhub-json", "json"), ("kraken2-report", "txt"),
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
