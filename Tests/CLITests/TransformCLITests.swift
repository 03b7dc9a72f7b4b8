import Foundation
import Testing

/// `convert`'s transform options on real tables, run through the built `mhub`.
@Suite("convert: samples, collapse and taxon filters")
struct TransformCLITests {
    /// 570 DADA2 ASVs over 7 samples with SILVA lineages (bioBakery's example).
    private let asvTable = MHubRunner.packageRoot
        .appendingPathComponent("Conformance/wide-tsv/valid-biobakery-dada2-asv.tsv").path

    private struct Summary: Decodable {
        struct SampleTotal: Decodable {
            var id: String
            var total: Double
        }
        var samples: Int
        var taxa: Int
        var structure: String
        var ranks: [String]
        var sampleTotals: [SampleTotal]
        var steps: [Step]
        struct Step: Decodable {
            var action: String
            var parameters: [String: String]?
        }
    }

    private func inspect(_ path: String) throws -> Summary {
        let result = try MHubRunner.run(["inspect", "--json", "--samples", path])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))
    }

    private func convert(_ arguments: [String]) throws -> (MHubRunner.Result, String) {
        let output = try MHubRunner.scratchDirectory().appendingPathComponent("out.profile.json").path
        return (try MHubRunner.run(["convert", asvTable, "-o", output] + arguments), output)
    }

    @Test func collapseToGenusKeepsEverySampleTotal() throws {
        let original = try inspect(asvTable)
        let (result, output) = try convert(["--collapse", "genus"])
        try #require(result.status == 0, "\(result.stderr)")
        let collapsed = try inspect(output)
        #expect(collapsed.samples == original.samples)
        #expect(collapsed.taxa < original.taxa)
        #expect(!collapsed.ranks.contains("species"))
        #expect(collapsed.ranks.last == "genus")
        for (before, after) in zip(original.sampleTotals, collapsed.sampleTotals) {
            #expect(before.id == after.id)
            #expect(abs(before.total - after.total) <= 1e-9 * max(1, before.total), "sample \(before.id)")
        }
        let step = try #require(collapsed.steps.first { $0.action == "collapse" })
        #expect(step.parameters?["rank"] == "genus")
    }

    @Test func samplesFromAListFileAndDroppedSamples() throws {
        let original = try inspect(asvTable)
        let folder = try MHubRunner.scratchDirectory()
        let list = folder.appendingPathComponent("keep.txt")
        let wanted = original.sampleTotals.prefix(2).map(\.id)
        try ("# kept samples\n" + wanted.joined(separator: "\n") + "\n\n").write(to: list, atomically: true, encoding: .utf8)
        let (kept, keptPath) = try convert(["--samples", "@\(list.path)"])
        try #require(kept.status == 0, "\(kept.stderr)")
        #expect(try inspect(keptPath).sampleTotals.map(\.id) == wanted)
        let (dropped, droppedPath) = try convert(["--drop-samples", wanted.joined(separator: ",")])
        try #require(dropped.status == 0, "\(dropped.stderr)")
        #expect(try inspect(droppedPath).samples == original.samples - 2)
    }

    @Test func anUnknownSampleIsAnErrorAndLeavesNoOutput() throws {
        let (result, output) = try convert(["--samples", "no-such-sample"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error [transform]: the table has no sample 'no-such-sample'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func prevalenceAndAbundanceFiltersRemoveRareTaxa() throws {
        let original = try inspect(asvTable)
        let (result, output) = try convert(["--min-prevalence", "0.5", "--min-relative-abundance", "0.001"])
        try #require(result.status == 0, "\(result.stderr)")
        let filtered = try inspect(output)
        #expect(filtered.taxa > 0 && filtered.taxa < original.taxa)
        let step = try #require(filtered.steps.first { $0.action == "filter-taxa" })
        #expect(step.parameters?["taxa-removed"] == String(original.taxa - filtered.taxa))
    }

    @Test(arguments: [["--collapse", "genre"], ["--min-prevalence", "2.5"], ["--output-unit", "ppm"]])
    func badTransformOptionsAreUsageErrors(_ arguments: [String]) throws {
        let (result, _) = try convert(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
    }
}
