import Foundation
import Testing

/// The descriptor language through the built `mhub`, on the worked example of `Formats/README.md`.
@Suite struct DescriptorCLITests {
    static let descriptor = "examples/descriptors/example-lab-csv-v1.yaml"
    static let cases = "examples/descriptors/cases/example-lab-csv"

    @Test func theWorkedTableDescriptorPassesTheConformanceKit() throws {
        let result = try MHubRunner.run(["conformance", "--descriptor", Self.descriptor, "--cases", Self.cases],
                                        in: MHubRunner.packageRoot)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func theUnclassifiedLineBecomesTheUnclassifiedTaxon() throws {
        let report = MHubRunner.packageRoot.appendingPathComponent("\(Self.cases)/valid-unclassified-line.csv")
        let result = try MHubRunner.run(["convert", "--formats-dir", "examples/descriptors", report.path,
                                         "--to", "long-tsv", "-o", "-"], in: MHubRunner.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        // sample, taxon, value, label: the line is the unclassified taxon, its label kept as written.
        #expect(rows.filter { $0.count > 3 && $0[1] == "unclassified" }.map { $0[2...3].joined(separator: "|") }
                == ["4|nicht klassifiziert"], "\(result.stdout)")
        #expect(!rows.contains { $0.count > 1 && $0[1] == "nicht klassifiziert" }, "\(result.stdout)")
    }

    @Test func dayFirstDatesAndDecimalCommasInThePreambleAreTyped() throws {
        let report = MHubRunner.packageRoot.appendingPathComponent("\(Self.cases)/valid-unclassified-line.csv")
        let result = try MHubRunner.run(["convert", "--formats-dir", "examples/descriptors", report.path,
                                         "--to", "mhub-json", "-o", "-"], in: MHubRunner.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""metadata":{"collection-date":{"date":"2024-03-01"},"dna-yield":3.5,"#),
                "\(result.stdout)")
    }

    @Test func aBOMLessUTF16ReportIsDetectedByItsDeclaredEncoding() throws {
        let report = "examples/descriptors/cases/example-lab-utf16/valid-bomless.txt"
        let detected = try MHubRunner.run(["detect", "--formats-dir", "examples/descriptors", report], in: MHubRunner.packageRoot)
        #expect(detected.status == 0, "\(detected.stderr)")
        #expect(detected.stdout.split(separator: "\n").dropFirst().first?.hasPrefix("example-lab-utf16 ") == true, "\(detected.stdout)")
        let converted = try MHubRunner.run(["convert", "--formats-dir", "examples/descriptors", report, "--to", "long-tsv",
                                            "-o", "-", "--quiet"], in: MHubRunner.packageRoot)
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(converted.stdout.contains("EL-7\tunclassified\t150\t"), "\(converted.stdout)")
    }

    @Test func percentagesFarOver100AreAWarningAndStrictFailsThem() throws {
        let folder = try MHubRunner.scratchDirectory()
        try """
        descriptor: 1
        id: leaf-lab
        name: Leaf lab
        sample: {file_name: true}
        columns: {taxon_name: Organism, abundance: Pct}
        unit: percent
        structure: leaves
        detect: {header: [Organism, Pct]}

        """.write(to: folder.appendingPathComponent("leaf-lab.yaml"), atomically: true, encoding: .utf8)
        try "Organism,Pct\nBacteroides,80\nPrevotella,90\nRuminococcus,70\n"
            .write(to: folder.appendingPathComponent("s1.csv"), atomically: true, encoding: .utf8)
        let lenient = try MHubRunner.run(["convert", "--formats-dir", ".", "s1.csv", "-o", "s1.profile.json"], in: folder)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("warning: abundance.sum-over-whole: 1 of 1 sample(s) sum to more than 100 percent (largest 240)"),
                "\(lenient.stderr)")
        let strict = try MHubRunner.run(["convert", "--strict", "--formats-dir", ".", "s1.csv", "-o", "strict.profile.json"], in: folder)
        #expect(strict.status == 1, "\(strict.stderr)")
        #expect(strict.stderr.contains("abundance.sum-over-whole"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("strict.profile.json").path))
    }

    @Test func aUTF16DescriptorCasePassesItsMutationsAndRecordingSkipsThem() throws {
        let arguments = ["conformance", "--descriptor", "examples/descriptors/example-lab-utf16-v1.yaml",
                         "--cases", "examples/descriptors/cases/example-lab-utf16"]
        let checked = try MHubRunner.run(arguments, in: MHubRunner.packageRoot)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.contains("pass       pass"), "\(checked.stdout)")

        // Recording into a copy of the cases: the mutations column must say skip, not pass.
        let copy = try MHubRunner.scratchDirectory().appendingPathComponent("cases")
        try FileManager.default.copyItem(at: MHubRunner.packageRoot.appendingPathComponent(arguments[4]), to: copy)
        let recording = try MHubRunner.run(Array(arguments[0...2]) + ["--cases", copy.path], in: MHubRunner.packageRoot,
                                           environment: ["MHUB_RECORD": "1"])
        #expect(recording.status == 1, "\(recording.stdout)\(recording.stderr)")
        let row = recording.stdout.split(separator: "\n").first { $0.hasPrefix("example-lab-utf16 ") }
        let cells = row?.split(separator: " ").map(String.init) ?? []
        #expect(cells == ["example-lab-utf16", "descriptor", "pass", "FAIL", "pass", "skip", "skip", "skip", "pass"],
                "\(recording.stdout)")
    }

    @Test func anEmptyHeaderListKeepsTheDefaults() throws {
        let folder = try MHubRunner.scratchDirectory()
        try """
        descriptor: 1
        id: empty-header-lab
        name: Empty header lab
        header: []
        sample: {file_name: true}
        columns: {taxon_name: Organism, abundance: Reads}
        unit: counts

        """.write(to: folder.appendingPathComponent("lab.yaml"), atomically: true, encoding: .utf8)
        try "Organism,Reads\nBacteroides,120\nPrevotella,30\n".write(to: folder.appendingPathComponent("p7.csv"),
                                                                      atomically: true, encoding: .utf8)
        let result = try MHubRunner.run(["convert", "--formats-dir", ".", "--from", "empty-header-lab", "p7.csv",
                                         "--to", "long-tsv", "-o", "-", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("p7\tBacteroides\t120"), "\(result.stdout)")
    }
}
