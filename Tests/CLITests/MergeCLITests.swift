import Foundation
import Testing

/// `mhub merge` on real reports from the conformance corpus, run through the built `mhub`.
@Suite("merge: many reports into one cohort table")
struct MergeCLITests {
    private static let conformance = MHubRunner.packageRoot.appendingPathComponent("Conformance")
    private let bracken = ["valid-taxpasta-2612-species.tsv", "valid-taxpasta-2613-species.tsv"]
        .map { conformance.appendingPathComponent("bracken-abundance/\($0)").path }
    private let sourmash = conformance.appendingPathComponent("sourmash-gather/valid-sourmash-test1.csv").path

    private struct Profile: Decodable {
        struct Sample: Decodable {
            var id: String
            var metadata: [String: MetadataCell]?
            var source: [String: String]?
        }
        struct Taxon: Decodable {
            var id: String
            var origins: [Origin]?
        }
        struct Origin: Decodable {
            var label: String
            var input: String?
        }
        var samples: [Sample]
        var taxa: [Taxon]
        var unit: String
        var values: [String: [[Double]]]
    }

    /// A metadata value as profile JSON writes it: text, a number, or a wrapped value.
    enum MetadataCell: Decodable, Equatable {
        case text(String), number(Double), other
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .text(text) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .other }
        }
    }

    private func merge(_ arguments: [String], output name: String = "cohort.profile.json") throws -> (MHubRunner.Result, URL) {
        let output = try MHubRunner.scratchDirectory().appendingPathComponent(name)
        return (try MHubRunner.run(["merge"] + arguments + ["-o", output.path]), output)
    }

    private func profile(_ url: URL) throws -> Profile {
        try JSONDecoder().decode(Profile.self, from: Data(contentsOf: url))
    }

    @Test func countsStayCountsAndEachSampleKeepsItsSource() throws {
        let (result, output) = try merge(bracken)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("merged 2 of 2 inputs (bracken-abundance 2) into 2 samples"), "\(result.stderr)")
        let cohort = try profile(output)
        #expect(cohort.unit == "counts")
        #expect(cohort.samples.map { $0.source?["source-file"] } == ["valid-taxpasta-2612-species.tsv", "valid-taxpasta-2613-species.tsv"])
        // Taxa shared by the two reports are one row with both origins.
        let shared = cohort.taxa.filter { ($0.origins?.count ?? 0) == 2 }
        #expect(!shared.isEmpty)
        #expect(Set(shared[0].origins!.compactMap(\.input)) == Set(bracken))
    }

    @Test func mixedUnitsBecomeRelative() throws {
        let (result, output) = try merge(bracken + [sourmash])
        try #require(result.status == 0, "\(result.stderr)")
        let cohort = try profile(output)
        #expect(cohort.unit == "relative")
        for (sample, entries) in cohort.values where !entries.isEmpty {
            let total = entries.reduce(0) { $0 + $1[1] }
            #expect(total <= 1 + 1e-9, "sample \(sample) sums to \(total)")
        }
    }

    @Test func biomOutputCarriesTheSourcesAsSampleMetadata() throws {
        let (result, output) = try merge(bracken + ["--to", "biom-json"], output: "cohort.biom")
        try #require(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as! [String: Any]
        let columns = document["columns"] as! [[String: Any]]
        let metadata = columns.map { $0["metadata"] as? [String: Any] }
        #expect(metadata.map { $0?["source_file"] as? String } == ["valid-taxpasta-2612-species.tsv", "valid-taxpasta-2613-species.tsv"])
    }

    @Test func aDuplicateSampleStopsTheMergeUnlessRenaming() throws {
        let (failed, output) = try merge([bracken[0], bracken[0]])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("sample id 'valid-taxpasta-2612-species' occurs in"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let (renamed, renamedOutput) = try merge([bracken[0], bracken[0], "--rename-duplicates"])
        try #require(renamed.status == 0, "\(renamed.stderr)")
        #expect(try profile(renamedOutput).samples.map(\.id) == ["valid-taxpasta-2612-species", "valid-taxpasta-2612-species-2"])
    }

    @Test func aBadInputStopsTheMergeNamingItsLineOrIsListedWithSkipBad() throws {
        let bad = Self.conformance.appendingPathComponent("bracken-abundance/invalid-non-numeric.tsv").path
        let (failed, output) = try merge(bracken + [bad])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("invalid-non-numeric.tsv:3:33: error [invalid-value]"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))

        let (skipped, _) = try merge(bracken + [bad, "--skip-bad", "--json"])
        try #require(skipped.status == 0, "\(skipped.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as! [String: Any]
        #expect(summary["imported"] as? Int == 2)
        let listed = summary["skipped"] as! [[String: String]]
        #expect(listed.map { $0["file"] } == [bad])
        #expect(listed.first?["error"]?.contains(":3:33:") == true)
    }

    @Test func aManifestNamesSamplesAndAddsMetadata() throws {
        let folder = try MHubRunner.scratchDirectory()
        let manifest = folder.appendingPathComponent("manifest.tsv")
        try "path\tsample-id\tsubject\tvisit\n\(bracken[0])\tP01-V1\tP01\t1\n\(bracken[1])\tP01-V2\tP01\t2\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        let (result, output) = try merge(["--manifest", manifest.path])
        try #require(result.status == 0, "\(result.stderr)")
        let cohort = try profile(output)
        #expect(cohort.samples.map(\.id) == ["P01-V1", "P01-V2"])
        #expect(cohort.samples.map { $0.metadata?["visit"] } == [.number(1), .number(2)])
        #expect(cohort.samples.first?.metadata?["subject"] == .text("P01"))
    }

    @Test func qiime2SampleMetadataIsJoinedTypedAndUnknownIDsAreReported() throws {
        let folder = try MHubRunner.scratchDirectory()
        let metadata = folder.appendingPathComponent("sample-metadata.tsv")
        try """
            sample-id\tbody-site\tage
            #q2:types\tcategorical\tnumeric
            valid-taxpasta-2612-species\tgut\t41
            valid-taxpasta-2613-species\t7\t35.5
            not-in-the-cohort\tgut\t50

            """.write(to: metadata, atomically: true, encoding: .utf8)
        let (result, output) = try merge(bracken + ["--sample-metadata", metadata.path])
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 id(s) name no sample of the table: not-in-the-cohort"), "\(result.stderr)")
        let samples = try profile(output).samples
        #expect(samples.map { $0.metadata?["body-site"] } == [.text("gut"), .text("7")])
        #expect(samples.map { $0.metadata?["age"] } == [.number(41), .number(35.5)])
    }

    @Test func directoriesAndQuotedPatternsExpand() throws {
        let folder = try MHubRunner.scratchDirectory()
        for path in bracken {
            try FileManager.default.copyItem(atPath: path, toPath: folder.appendingPathComponent((path as NSString).lastPathComponent).path)
        }
        let (fromDirectory, directoryOutput) = try merge([folder.path])
        try #require(fromDirectory.status == 0, "\(fromDirectory.stderr)")
        #expect(try profile(directoryOutput).samples.count == 2)
        let (fromPattern, patternOutput) = try merge([folder.appendingPathComponent("*-2613-*.tsv").path])
        try #require(fromPattern.status == 0, "\(fromPattern.stderr)")
        #expect(try profile(patternOutput).samples.map(\.id) == ["valid-taxpasta-2613-species"])
        let (nothing, _) = try merge([folder.appendingPathComponent("*.kreport").path])
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("no file matches this pattern"), "\(nothing.stderr)")
    }
}
