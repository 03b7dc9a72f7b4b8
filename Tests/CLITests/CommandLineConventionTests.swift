import Foundation
import Testing

/// `mhub` behaves like the command-line tools people already use: a version, "did you mean"
/// for typos, one exit code for every usage error, and paths named for what they are.
@Suite("Command-line conventions")
struct CommandLineConventionTests {
    private let table = MHubRunner.packageRoot.appendingPathComponent("Conformance/biom-json/valid-rich-sparse-otu-table.biom").path

    private func version() throws -> String {
        let result = try MHubRunner.run(["--version"])
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("--version prints a semantic version, which --json summaries and the export step record")
    func versionEverywhere() throws {
        let version = try version()
        #expect(version.split(separator: ".").count == 3 && version.split(separator: ".").allSatisfy { Int($0) != nil }, "\(version)")

        let inspect = try MHubRunner.run(["inspect", table, "--json"])
        try #require(inspect.status == 0, "\(inspect.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: inspect.stdoutBytes) as? [String: Any])
        #expect(summary["mhub_version"] as? String == version)

        let folder = try MHubRunner.scratchDirectory()
        let profile = folder.appendingPathComponent("out.profile.json").path
        let convert = try MHubRunner.run(["convert", table, "-o", profile])
        try #require(convert.status == 0, "\(convert.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: profile))) as? [String: Any])
        let steps = try #require((document["provenance"] as? [String: Any])?["steps"] as? [[String: Any]])
        let export = try #require(steps.last)
        #expect(export["action"] as? String == "export")
        #expect((export["parameters"] as? [String: String])?["mhub-version"] == version)
    }

    @Test("--quiet prints no warnings; with --strict the failure still names what would be lost")
    func quietSilencesWarnings() throws {
        let report = MHubRunner.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/corpus/kraken2/test_1.kraken2.report.txt").path
        let folder = try MHubRunner.scratchDirectory()
        let output = folder.appendingPathComponent("out.tsv").path

        let loud = try MHubRunner.run(["convert", report, "-o", output])
        try #require(loud.status == 0, "\(loud.stderr)")
        #expect(loud.stderr.contains("warning"))

        let quiet = try MHubRunner.run(["convert", report, "-o", output, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")

        let strict = try MHubRunner.run(["convert", report, "-o", folder.appendingPathComponent("strict.tsv").path, "-q", "--strict"])
        #expect(strict.status == 1)
        #expect(!strict.stderr.contains("warning"), "\(strict.stderr)")
        #expect(strict.stderr.contains("error [strict]") && strict.stderr.contains("unit"), "\(strict.stderr)")
        #expect(try MHubRunner.listing(folder) == ["out.tsv"])
    }

    @Test("A long conversion shows its phase on a terminal's standard error, and nothing when it is a file")
    func progressOnATerminalOnly() throws {
        let folder = try MHubRunner.scratchDirectory()
        let output = folder.appendingPathComponent("out.tsv").path
        // `script` gives mhub a terminal; MHUB_PROGRESS_AFTER=0 makes any conversion "long".
        let onTerminal = try MHubRunner.shell("""
            script -qec "env MHUB_PROGRESS_AFTER=0 '$0' convert '$1' -o '$2'" /dev/null
            """, [table, output])
        #expect(onTerminal.status == 0, "\(onTerminal.stderr)")
        #expect(onTerminal.stdout.contains("mhub: transforming 6 samples × 5 taxa"), "\(onTerminal.stdout)")
        #expect(onTerminal.stdout.contains("mhub: writing out.tsv"), "\(onTerminal.stdout)")

        let toFile = try MHubRunner.run(["convert", table, "-o", output], environment: ["MHUB_PROGRESS_AFTER": "0"])
        #expect(toFile.status == 0)
        #expect(!toFile.stderr.contains("transforming"), "\(toFile.stderr)")
    }

    @Test("Shell completion offers the format ids that can be read or written, from what is typed")
    func completionOffersFormatIDs() throws {
        let script = try MHubRunner.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0 && script.stdout.contains("---completion convert -- --to"), "\(script.stderr)")
        // What the generated bash script runs when `mhub convert x --to bi<TAB>` is completed.
        let exporting = try MHubRunner.run(["---completion", "convert", "--", "--to", "4", "2", "mhub", "convert", "x", "--to", "bi"])
        #expect(exporting.stdout.split(separator: "\n") == ["biom-hdf5", "biom-json", "biom-tsv"], "\(exporting.stderr)")
        let importing = try MHubRunner.run(["---completion", "merge", "--", "--from", "4", "2", "mhub", "merge", "x", "--from", "kr"])
        #expect(importing.stdout.split(separator: "\n").contains("kraken2-report"), "\(importing.stderr)")
        #expect(importing.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("kr") }, "\(importing.stdout)")
    }

    @Test("An unknown command names the nearest one, exit 2", arguments: [("convrt", "convert"), ("inpsect", "inspect"), ("merg", "merge")])
    func unknownCommand(_ typo: String, _ meant: String) throws {
        let result = try MHubRunner.run([typo, table])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown command '\(typo)'; did you mean '\(meant)'?"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test("An unknown --from and an unknown --to are both usage errors (exit 2) that suggest the nearest id")
    func unknownFormatIDs() throws {
        let folder = try MHubRunner.scratchDirectory()
        let output = folder.appendingPathComponent("out.tsv").path
        let from = try MHubRunner.run(["convert", table, "-o", output, "--from", "biom-jsn"])
        #expect(from.status == 2, "\(from.stderr)")
        #expect(from.stderr.contains("did you mean 'biom-json'?"), "\(from.stderr)")
        let to = try MHubRunner.run(["convert", table, "-o", output, "--to", "wide-tvs"])
        #expect(to.status == 2, "\(to.stderr)")
        #expect(to.stderr.contains("did you mean 'wide-tsv'?"), "\(to.stderr)")
        let inspect = try MHubRunner.run(["inspect", table, "--from", "kraken-report"])
        #expect(inspect.status == 2, "\(inspect.stderr)")
        let formats = try MHubRunner.run(["formats", "metaphlan-profil"])
        #expect(formats.status == 2)
        #expect(formats.stderr.contains("did you mean 'metaphlan-profile'?"), "\(formats.stderr)")
        #expect(try MHubRunner.listing(folder).isEmpty)
    }

    @Test("A directory given to convert or inspect is named as a directory")
    func directoryInput() throws {
        let folder = try MHubRunner.scratchDirectory()
        for arguments in [["convert", folder.path, "-o", folder.appendingPathComponent("out.tsv").path], ["inspect", folder.path]] {
            let result = try MHubRunner.run(arguments)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("mhub: \(folder.path): error [io]: is a directory"), "\(result.stderr)")
        }
        #expect(try MHubRunner.listing(folder).isEmpty)
    }

    @Test("A .tsv output is the wide TSV, the format whose first extension it is")
    func primaryExtensionNamesTheFormat() throws {
        let folder = try MHubRunner.scratchDirectory()
        let output = folder.appendingPathComponent("out.tsv").path
        let result = try MHubRunner.run(["convert", table, "-o", output])
        try #require(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("#OTU ID\t"))
    }

    @Test("A descriptor whose id is taken is bad input (exit 1), one line that starts with its file and line")
    func descriptorIDCollision() throws {
        let folder = try MHubRunner.scratchDirectory()
        let original = try String(contentsOf: MHubRunner.packageRoot.appendingPathComponent("Formats/descriptors/bracken/abundance-table-v1.yaml"),
                                  encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let idLine = try #require(lines.firstIndex { $0.hasPrefix("id:") }) + 1
        let copy = lines.map { $0.hasPrefix("id:") ? "id: wide-tsv" : String($0) }.joined(separator: "\n")
        let file = folder.appendingPathComponent("taken.yaml")
        try copy.write(to: file, atomically: true, encoding: .utf8)
        let result = try MHubRunner.run(["formats", "--formats-dir", folder.path])
        #expect(result.status == 1, "\(result.stderr)")
        let reported = result.stderr.split(separator: "\n")
        #expect(reported.count == 1, "\(result.stderr)")
        #expect(reported.first?.hasPrefix("mhub: \(file.path):\(idLine): error [descriptor.invalid]: id 'wide-tsv' is already taken") == true,
                "\(result.stderr)")
    }
}
