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
}
