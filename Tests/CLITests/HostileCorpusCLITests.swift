import Foundation
import Testing

/// The hostile-input corpus (`Conformance/hostile/expected.tsv`) through the built `mhub`: every
/// row ends in its declared error code with exit status 1 and no output file (or, for `ok`, in
/// an import), with no raw control character on standard error, in seconds and in under 600 MB
/// of address space.
@Suite struct HostileCorpusCLITests {
    /// One row of the manifest.
    struct Row: Sendable, CustomStringConvertible {
        var file: String
        var arguments: [String]
        var code: String
        var line: Int?
        var description: String { file }
    }

    static let folder = MHubRunner.packageRoot.appendingPathComponent("Conformance/hostile")

    static var rows: [Row] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var arguments: [String] = []
            for token in fields[1] == "-" ? [] : fields[1].split(separator: " ").map(String.init) {
                // The value of --formats-dir is relative to the corpus folder.
                arguments.append(arguments.last == "--formats-dir" ? folder.appendingPathComponent(token).path : token)
            }
            return Row(file: fields[0], arguments: arguments,
                       code: fields[2], line: Int(fields[3]))
        }
    }

    @Test func theManifestListsEveryFileOfTheFolder() throws {
        let listed = Set(Self.rows.map(\.file))
        #expect(!listed.isEmpty)
        for name in try MHubRunner.listing(Self.folder) where !["README.md", "expected.tsv"].contains(name) {
            let isDirectory = (try? Self.folder.appendingPathComponent(name).resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory
            if isDirectory == true { continue }
            #expect(listed.contains(name), "\(name) has no row in expected.tsv")
        }
        for file in listed {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(file).path), "\(file) is listed but missing")
        }
    }

    @Test(arguments: rows)
    func endsInItsDeclaredOutcome(_ row: Row) throws {
        let directory = try MHubRunner.scratchDirectory()
        let name = URL(fileURLWithPath: row.file).lastPathComponent
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(row.file),
                                         to: directory.appendingPathComponent(name))
        let started = Date()
        let result = try MHubRunner.run(["convert"] + row.arguments + [name, "-o", "out.profile.json"], in: directory,
                                       memoryLimit: 600_000)
        let elapsed = Date().timeIntervalSince(started)
        if row.code == "ok" {
            // A hostile shape that is still a valid table: it imports, within the same bounds.
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try MHubRunner.listing(directory) == [name, "out.profile.json"].sorted())
        } else {
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("error [\(row.code)]"), "\(result.stderr)")
            if let line = row.line { #expect(result.stderr.contains("\(name):\(line)"), "\(result.stderr)") }
            #expect(try MHubRunner.listing(directory) == [name], "no output file may be left")
        }
        let controls = result.stderr.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        #expect(controls.isEmpty, "raw control characters reach the terminal: \(controls.map(\.value))")
        #expect(elapsed < 5, "took \(elapsed) s")
    }
}
