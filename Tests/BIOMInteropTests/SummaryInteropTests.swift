import Foundation
import Testing

/// `mhub inspect` summarises a large table the way `biom summarize-table` does, and
/// `convert --json` says what a conversion did; both checked end to end on the built `mhub`.
@Suite("Summaries of large tables", .serialized)
struct SummaryInteropTests {
    static let sampleCount = 2_000

    /// A 2,000-sample counts table with uneven depths and presence, written as the classic TSV.
    private func largeTable(in folder: URL) throws -> String {
        var lines = ["#OTU ID\t" + (1...Self.sampleCount).map { "S\($0)" }.joined(separator: "\t")]
        for taxon in 1...6 {
            let values = (1...Self.sampleCount).map { sample in
                (sample * taxon) % 7 == 0 ? "0" : String((sample * 31 + taxon * 17) % 97 + taxon)
            }
            lines.append("OTU_\(taxon)\t" + values.joined(separator: "\t"))
        }
        let path = folder.appendingPathComponent("large.tsv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `Min: 1.000`-style figures of the `Counts/sample summary` block of `biom summarize-table`.
    private func biomSummary(_ path: String, _ folder: URL) throws -> [String: Double] {
        let biom = URL(fileURLWithPath: try PeerTools.python()).deletingLastPathComponent().appendingPathComponent("biom").path
        let report = folder.appendingPathComponent("summary.txt").path
        let outcome = try PeerTools.run(biom, ["summarize-table", "-i", path, "-o", report])
        try #require(outcome.status == 0, "biom summarize-table: \(outcome.summary)")
        var figures: [String: Double] = [:]
        for line in try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, ["Min", "Max", "Median", "Mean", "Num samples", "Total count"].contains(parts[0]),
               figures[parts[0]] == nil, let value = Double(parts[1].replacingOccurrences(of: ",", with: "")) {
                figures[parts[0]] = value
            }
        }
        return figures
    }

    @Test("inspect prints counts per sample (min, max, median, mean) as biom summarize-table does, samples only with --samples")
    func inspectSummarisesLikeBiom() throws {
        let folder = try scratch()
        let tsv = try largeTable(in: folder)
        let text = try PeerTools.mhub("inspect", tsv)
        try #require(text.status == 0, "\(text.summary)")
        let lines = text.output.split(separator: "\n")
        #expect(lines.count < 30, "inspect lists the samples without --samples: \(lines.count) lines")
        #expect(lines.contains { $0.hasPrefix("counts/sample: min ") }, "\(text.output)")
        #expect(lines.contains { $0.hasPrefix("taxa/sample: min ") }, "\(text.output)")
        #expect(lines.contains { $0 == "structure:   leaves" } && lines.contains { $0 == "unit:        counts" })
        let listed = try PeerTools.mhub("inspect", tsv, "--samples")
        #expect(listed.output.split(separator: "\n").count > Self.sampleCount, "--samples lists every sample")

        let json = try PeerTools.mhub("inspect", tsv, "--json")
        try #require(json.status == 0, "\(json.summary)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(summary["sampleTotals"] == nil)
        let spread = try #require(summary["totalsPerSample"] as? [String: Double])
        #expect(summary["taxaPerSample"] is [String: Double])

        let biom = folder.appendingPathComponent("large.biom").path
        let converted = try PeerTools.mhub("convert", tsv, "-o", biom, "--to", "biom-hdf5")
        try #require(converted.status == 0, "\(converted.summary)")
        let reference = try biomSummary(biom, folder)
        #expect(reference["Num samples"] == Double(Self.sampleCount))
        #expect(reference["Total count"] == summary["total"] as? Double)
        for (ours, theirs) in [("min", "Min"), ("max", "Max"), ("median", "Median"), ("mean", "Mean")] {
            let expected = try #require(reference[theirs], "biom summarize-table printed no \(theirs)")
            // biom prints three decimals.
            #expect(abs((spread[ours] ?? .nan) - expected) < 0.0006, "\(ours): mhub \(spread[ours] ?? .nan), biom \(expected)")
        }
    }

    @Test("convert --json summarises the conversion: formats, samples, taxa, losses, diagnostics, version")
    func convertJSONSummary() throws {
        let folder = try scratch()
        let tsv = try largeTable(in: folder)
        let output = folder.appendingPathComponent("out.biom").path
        let outcome = try PeerTools.mhub("convert", tsv, "-o", output, "--to", "biom-json", "--json")
        try #require(outcome.status == 0, "\(outcome.summary)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(summary["inputFormat"] as? String == "biom-tsv")
        #expect(summary["outputFormat"] as? String == "biom-json")
        #expect(summary["output"] as? String == output)
        #expect(summary["samples"] as? Int == Self.sampleCount)
        #expect(summary["taxa"] as? Int == 6)
        #expect(summary["losses"] is [[String: Any]])
        #expect(summary["diagnostics"] is [[String: Any]])
        let version = try PeerTools.mhub("--version").output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(summary["mhub_version"] as? String == version)

        let refused = try PeerTools.mhub("convert", tsv, "-o", "-", "--to", "biom-json", "--json")
        #expect(refused.status == 2, "\(refused.summary)")
    }
}
