import Foundation
import Testing

/// The shotgun profiler reports of the shared corpus (`../shared/corpus`), run through the built
/// `mhub` as a user would: detection names the right format and says why, and converting a
/// clade-cumulative report to leaves keeps each sample's total at the report's own total.
@Suite("Shotgun corpus through mhub")
struct ShotgunCorpusTests {
    static let corpus = MHubRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Every corpus file of these kinds, and the format that must rank first.
    static let expectedFormats: [String: String] = [
        "metaphlan/ERR7569997.txt": "metaphlan-profile",
        "metaphlan/ERR7569998.txt": "metaphlan-profile",
        "metaphlan/MOCK_001_Illumina_Hiseq_3000_se_metaphlan3-db.metaphlan3_profile.txt": "metaphlan-profile",
        "metaphlan/MOCK_001_Minion_R9_se_metaphlan3-db.metaphlan3_profile.txt": "metaphlan-profile",
        "metaphlan/galaxy_metaphlan2_test1.tabular": "metaphlan-profile",
        "metaphlan/humann_demo_metaphlan_bugs_list_vOct22.tsv": "metaphlan-profile",
        "metaphlan/humann_metaphlan_profile_vJan25.tsv": "metaphlan-profile",
        "metaphlan/metaphlan3_INVALID_abundance_sum.tsv": "metaphlan-profile",
        "metaphlan/metaphlan3_mpa_valid_complex.tsv": "metaphlan-profile",
        "metaphlan/metaphlan3_mpa_valid_simple.tsv": "metaphlan-profile",
        "metaphlan/galaxy_metaphlan2_merged.tabular": "metaphlan-merged",
        "metaphlan/hmp2_merged_metaphlan_taxonomic_profiles.tsv": "metaphlan-merged",
        "metaphlan/metaphlan2_merged_abundance_table_tongue_gastric.txt": "metaphlan-merged",
        "kraken2/2611_se-ERR5766174-db1.kraken2.report.txt": "kraken2-report",
        "kraken2/2612_pe-ERR5766176-db1.kraken2.report.txt": "kraken2-report",
        "kraken2/INVALID_2611_se-ERR5766174-db1-invalid.kraken2.report.txt": "kraken2-report",
        "kraken2/bracken_sample_test.report": "kraken2-report",
        "kraken2/test_1.kraken2.report.txt": "kraken2-report",
        "krakenuniq/ERR3201952.krakenuniq.report.txt": "krakenuniq-report",
        "krakenuniq/INVALID_test1.krakenuniq.report.txt": "krakenuniq-report",
        "krakenuniq/test1.krakenuniq.report.txt": "krakenuniq-report",
        "krakenuniq/test3.krakenuniq.report.txt": "krakenuniq-report",
        "bracken/sample_output_bracken.report": "bracken-report",
        "bracken/sample_output_bracken.mpa": "kraken-mpa",
        "bracken/sample_output_bracken_with_intermediate.mpa": "kraken-mpa",
        "centrifuge/AD_pe-db1.centrifuge.txt": "centrifuge-kreport",
        "centrifuge/barcode52_se-db1.centrifuge.txt": "centrifuge-kreport",
        "motus/2612_pe-ERR5766176-db_mOTU.out": "motus-profile",
        "motus/2612_se-ERR5766180-db_mOTU.out": "motus-profile",
        "motus/INVALID_2612_se-ERR5766180-db_mOTU.out": "motus-profile",
        "diamond/diamond_valid_1.tsv": "diamond-taxonomy",
        "diamond/diamond_valid_2.tsv": "diamond-taxonomy",
        "diamond/INVALID_diamond_1.tsv": "diamond-taxonomy",
        "megan/ERX5474932_ERR5766176_1.txt.gz": "megan-rma2info",
        "megan/malt_rma2info_valid.txt.gz": "megan-rma2info",
        "megan/INVALID_malt_rma2info_1.txt.gz": "megan-rma2info",
        "cami_profile/furious_elion_13.profile": "cami-profile",
        "cami_profile/gs_hmp_mc.profile": "cami-profile",
        "cami_profile/small1.profile": "cami-profile",
        "cami_profile/test1.profile": "cami-profile",
        "mgnify/ERR4334351_SILVA-SSU.txt": "krona-text",
        "mgnify/ERR4334351_16S-V3-V4_DADA2-SILVA_asv_krona_counts.txt": "krona-text",
        "mgnify/test.mseq": "mapseq",
    ]

    static var files: [String] { expectedFormats.keys.sorted() }

    private func path(_ file: String) throws -> String {
        let url = Self.corpus.appendingPathComponent(file)
        try #require(FileManager.default.fileExists(atPath: url.path), "the shared corpus must sit beside the package: \(url.path)")
        return url.path
    }

    /// `detect` ranks the right format first with a reason, and `detect --json` ranks the same.
    @Test(arguments: files)
    func detectNamesTheFormatAndWhy(_ file: String) throws {
        let text = try MHubRunner.run(["detect", try path(file)])
        try #require(text.status == 0, "\(text.stderr)")
        let first = text.stdout.split(separator: "\n").dropFirst().first.map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(first.first == Self.expectedFormats[file], "\(file): \(text.stdout)")
        #expect(first.count > 3, "a reason follows the format, confidence and extension columns: \(text.stdout)")

        let json = try MHubRunner.run(["detect", try path(file), "--json"])
        let candidates = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [[String: Any]] ?? []
        let textRanking = text.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(candidates.compactMap { $0["formatID"] as? String } == textRanking)
        #expect((candidates.first?["reason"] as? String)?.isEmpty == false)
    }

    /// Valid files import; deliberately broken ones fail with exit 1 and a located error.
    @Test(arguments: files)
    func importsOrFailsCleanly(_ file: String) throws {
        let result = try MHubRunner.run(["inspect", try path(file), "--json"])
        if file.contains("INVALID") {
            #expect(result.status == 1, "\(file) must be refused: \(result.stdout)")
            #expect(result.stderr.contains("error ["), "\(result.stderr)")
        } else {
            #expect(result.status == 0, "\(file): \(result.stderr)")
        }
    }

    /// Clade-cumulative reports of the corpus (the valid ones of the cumulative kinds).
    static var cumulativeFiles: [String] {
        files.filter { !$0.contains("INVALID") && !$0.hasPrefix("motus/") && !$0.hasPrefix("diamond/") && !$0.hasPrefix("megan/")
            && !$0.hasPrefix("mgnify/") }
    }

    /// MGnify's Krona text summaries: each line's count is that lineage's own, so the one
    /// sample totals the count column and every line is a taxon of its own (taxa by lineage).
    @Test(arguments: [("mgnify/ERR4334351_SILVA-SSU.txt", 24_010.0), ("mgnify/ERR4334351_16S-V3-V4_DADA2-SILVA_asv_krona_counts.txt", 16_487)])
    func kronaTextKeepsEveryLinesCount(_ file: String, _ total: Double) throws {
        let input = try path(file)
        let lines = try String(contentsOfFile: input, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.reduce(0) { $0 + (Double($1.split(separator: "\t")[0]) ?? 0) } == total)
        let inspected = try MHubRunner.run(["inspect", input, "--json"])
        try #require(inspected.status == 0, "\(inspected.stderr)")
        let info = try JSONSerialization.jsonObject(with: inspected.stdoutBytes) as? [String: Any] ?? [:]
        #expect(info["total"] as? Double == total)
        #expect(info["structure"] as? String == "leaves")
        #expect(info["unit"] as? String == "counts")
        #expect(info["taxa"] as? Int == Set(lines.map { $0.split(separator: "\t").dropFirst().joined(separator: ";") }).count)
    }

    /// Real files whose clades hold less than the rows below them: HUMAnN's hand-edited vJan25
    /// fixture, a MetaPhlAn 2 profile converted to CAMI with each rank normalised on its own, and
    /// a MetaPhlAn 4 profile that leaves out intermediate rows (off by 0.015 percentage points).
    static let nonNestingFiles: Set<String> = [
        "metaphlan/humann_metaphlan_profile_vJan25.tsv", "cami_profile/test1.profile", "metaphlan/ERR7569998.txt",
    ]

    /// Point 2 of issue 9: converted to a leaf table (BIOM), each sample totals the report's own
    /// total (its root and unclassified rows, its top-level clades), never the sum of all rows.
    @Test(arguments: cumulativeFiles)
    func leavesKeepTheReportsOwnTotal(_ file: String) throws {
        let input = try path(file)
        let inspected = try MHubRunner.run(["inspect", input, "--json"])
        try #require(inspected.status == 0, "\(inspected.stderr)")
        let info = try JSONSerialization.jsonObject(with: inspected.stdoutBytes) as? [String: Any] ?? [:]
        let diagnostics = (info["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        if Self.nonNestingFiles.contains(file) {
            // Values that do not nest cannot give a leaf table totalling the top-level rows; the
            // import must say so (a warning, which --strict turns into a failure).
            #expect(diagnostics.contains("abundance.children-exceed-parent"), "\(file): \(diagnostics)")
            return
        }
        #expect(!diagnostics.contains("abundance.children-exceed-parent"), "\(file): \(diagnostics)")
        let percent = info["unit"] as? String == "percent"
        let own = try ReportTotals.totals(of: input, file: file)
        let biom = try MHubRunner.scratchDirectory().appendingPathComponent("leaves.biom")
        let converted = try MHubRunner.run(["convert", input, "-o", biom.path, "--to", "biom-json"])
        try #require(converted.status == 0, "\(converted.stderr)")
        let leaves = try ReportTotals.biomColumnTotals(biom)
        try #require(leaves.count == own.count, "\(file): \(leaves.count) samples in BIOM, \(own.count) in the report")
        for (sample, total) in own.enumerated() {
            // Counts must match exactly; percentages up to the printing precision of the writers
            // (MetaPhlAn's five decimals over about a thousand rows).
            let tolerance = percent ? 0.01 : 1e-9 * max(total, 1)
            #expect(abs(leaves[sample] - total) <= tolerance, "\(file) sample \(sample): leaves total \(leaves[sample]), report \(total)")
        }
    }
}

/// Each report's own per-sample total, read from the file without mhub: the rows that have no
/// ancestor in the report (Kraken's root and unclassified rows, MetaPhlAn's kingdoms and
/// UNCLASSIFIED, a CAMI sample's first-rank rows).
enum ReportTotals {
    static func totals(of path: String, file: String) throws -> [Double] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if file.hasPrefix("cami_profile/") { return camiTotals(lines) }
        if file.hasPrefix("kraken2/") || file.hasPrefix("krakenuniq/") || file.hasPrefix("centrifuge/") || file.hasSuffix(".report") {
            let rows = lines.filter { !$0.hasPrefix("#") && !$0.hasPrefix("%") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            return [rows.filter { $0.last?.first != " " }.reduce(0) { $0 + (Double($1[1]) ?? 0) }]
        }
        return lineageTotals(lines)
    }

    private static let unplaced: Set<String> = ["UNKNOWN", "UNCLASSIFIED", "unclassified"]

    /// Per value column, the sum over clades (`a|b|c`) none of whose ancestors is a row.
    private static func lineageTotals(_ lines: [Substring]) -> [Double] {
        var rows: [[String]] = []
        for line in lines where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > 1, fields[0].contains("_") || unplaced.contains(fields[0]),
                  !fields[0].hasSuffix("SampleID"), Double(fields[fields.count > 3 ? 2 : fields.count - 1]) != nil else { continue }
            rows.append(fields)
        }
        // A single MetaPhlAn profile: one abundance column, after the tax id column when there is one.
        let columnHeader = lines.first { $0.hasPrefix("#clade_name") }
        let isSingleProfile = columnHeader != nil || lines.contains { $0.hasPrefix("#SampleID") || $0.hasPrefix("__pd__SampleID") }
        let isMerged = lines.contains { $0.hasPrefix("ID\t") || $0.hasPrefix("Sample\t") }
        let abundanceColumn = (columnHeader?.contains("tax") ?? false) ? 2 : 1
        let names = Set(rows.map { $0[0] })
        var totals: [Double] = []
        for row in rows {
            let levels = row[0].split(separator: "|").map(String.init)
            let hasAncestor = levels.indices.dropFirst().contains { names.contains(levels[..<$0].joined(separator: "|")) }
            if hasAncestor { continue }
            let values = isSingleProfile && !isMerged ? [Double(row[abundanceColumn]) ?? 0] : row.dropFirst().map { Double($0) ?? 0 }
            if totals.isEmpty { totals = Array(repeating: 0, count: values.count) }
            for (index, value) in values.enumerated() where index < totals.count { totals[index] += value }
        }
        return totals
    }

    private static func camiTotals(_ lines: [Substring]) -> [Double] {
        var totals: [Double] = []
        var firstRank: String?
        for line in lines {
            if line.hasPrefix("@SampleID:") { totals.append(0) }
            if line.hasPrefix("@Ranks:") { firstRank = line.dropFirst(7).split(separator: "|").first.map(String.init) }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if !line.hasPrefix("@"), !line.hasPrefix("#"), fields.count >= 5, String(fields[1]) == firstRank, !totals.isEmpty {
                totals[totals.count - 1] += Double(fields[4]) ?? 0
            }
        }
        return totals
    }

    /// Each column's sum in a BIOM 1.0 JSON table.
    static func biomColumnTotals(_ url: URL) throws -> [Double] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        let shape = object["shape"] as? [Int] ?? [0, 0]
        var totals = Array(repeating: 0.0, count: shape.count > 1 ? shape[1] : 0)
        for entry in object["data"] as? [[Double]] ?? [] where entry.count == 3 { totals[Int(entry[1])] += entry[2] }
        return totals
    }
}
