import Foundation
import Testing

/// Every metric `mhub analyze` computes, compared with scikit-bio on the same tables: the
/// project's edge cases (one taxon, an empty sample, singletons) and real corpus tables.
/// Agreement is required within 1e-9 relative (PCoA axes up to their sign).
@Suite("Analysis interop with scikit-bio", .serialized)
struct ScikitBioInteropTests {
    /// A table with the edge cases, written by the test (taxa as rows, samples as columns).
    static let edgeCases = """
        #OTU ID\tone_taxon\tempty\tsingletons\teven\tmixed\tlarge
        otu1\t12\t0\t1\t5\t3\t1200
        otu2\t0\t0\t1\t5\t0\t3
        otu3\t0\t0\t2\t5\t7\t1
        otu4\t0\t0\t1\t5\t1\t0
        otu5\t0\t0\t4\t5\t2\t77
        otu6\t0\t0\t0\t0\t0\t0

        """

    /// A table without empty samples, so that the ordination is defined.
    static let ordinationCase = """
        #OTU ID\tA\tB\tC\tD\tE\tF
        t1\t10\t0\t3\t8\t1\t0
        t2\t5\t9\t0\t2\t2\t1
        t3\t0\t4\t6\t1\t7\t3
        t4\t1\t1\t1\t9\t0\t12
        t5\t0\t2\t8\t0\t5\t4

        """

    static let corpusTables = ["biom1_json/min_sparse_otu_table.biom", "biom1_json/phyloseq_SILVA_OTU_table.biom",
                               "biom1_json/rich_sparse_otu_table.biom"]

    @Test("edge cases: one taxon, an empty sample, singletons")
    func edgeCaseTable() throws {
        try compare(try PeerTools.write(Self.edgeCases, named: "edge.tsv"))
    }

    @Test("a table with a defined ordination")
    func ordinationTable() throws {
        try compare(try PeerTools.write(Self.ordinationCase, named: "ordination.tsv"), expectOrdination: true)
    }

    @Test("real corpus tables", arguments: corpusTables)
    func corpusTable(_ relative: String) throws {
        let path = PeerTools.corpus.appendingPathComponent(relative).path
        try #require(FileManager.default.fileExists(atPath: path), "corpus file missing: \(path)")
        try compare(path)
    }

    private func compare(_ table: String, expectOrdination: Bool = false) throws {
        let reference = try PeerTools.scikitBio(table, pseudocount: 1)
        for metric in ["braycurtis", "jaccard", "aitchison"] {
            var arguments = ["analyze", table, "--json", "--beta", metric, "--pseudocount", "1",
                             "--alpha", reference.alpha.keys.sorted().joined(separator: ",")]
            if metric == "braycurtis" && reference.pcoa != nil { arguments += ["--pcoa", String(reference.ids.count)] }
            let ours = try PeerTools.mhubJSON(arguments)
            #expect(ours.sampleIDs == reference.ids)
            for column in ours.alpha ?? [] {
                let expected = try #require(reference.alpha[column.id], "scikit-bio has no \(column.id)")
                Tolerance.expectClose(column.values, expected, "\(column.id) on \(table)")
            }
            let distances = try #require(ours.beta?.distances)
            let expected = try #require(reference.beta[metric])
            for (row, values) in distances.enumerated() {
                Tolerance.expectClose(values, expected[row], "\(metric) row \(row) on \(table)")
            }
            if metric == "braycurtis", let expectedPCoA = reference.pcoa {
                let pcoa = try #require(ours.pcoa)
                Tolerance.expectPCoA(pcoa, expectedPCoA, table)
            }
        }
        if expectOrdination { #expect(reference.pcoa != nil) }
    }
}
