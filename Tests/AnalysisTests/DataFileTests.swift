import Analysis
import Foundation
import ProfileModel
import Testing

/// The bundled data: the gut-skin panel, the GMHI species sets and their aliases; and the TSV layouts.
@Suite struct DataFileTests {
    @Test func panelRowsAreSourcedAndTyped() throws {
        let panel = try GutSkinPanel()
        #expect(panel.associations.count > 40)
        #expect(Set(panel.associations.map(\.condition)) == ["acne", "atopic dermatitis", "psoriasis", "rosacea"])
        for row in panel.associations {
            #expect(!row.source.isEmpty && !row.cohort.isEmpty, "\(row.taxon)")
            #expect(["increased", "decreased", "conflicting"].contains(row.direction), "\(row.taxon): \(row.direction)")
            #expect(["single", "replicated", "replicated but contradicted", "conflicting"].contains(row.evidence), "\(row.taxon): \(row.evidence)")
        }
    }

    @Test func panelSharesComeFromTheLineage() throws {
        let taxa = [TestTables.taxon("a", [(.phylum, "Verrucomicrobiota"), (.genus, "Akkermansia"), (.species, "Akkermansia muciniphila")]),
                    TestTables.taxon("b", [(.phylum, "Bacillota"), (.genus, "Blautia")])]
        let rows = try GutSkinPanel().rows(for: try TestTables.make([[1, 3], [0, 2]], taxa: taxa))
        let akkermansia = try #require(rows.first { $0.association.taxon == "Akkermansia" })
        #expect(akkermansia.measurable && akkermansia.shares == [0.25, 0] && akkermansia.samplesWithTaxon == 1)
        let family = try #require(rows.first { $0.association.rank == .family })
        #expect(!family.measurable)
    }

    @Test func gmhiMatchesCurrentNamesThroughTheAliases() throws {
        let index = try GutMicrobiomeHealthIndex()
        #expect(index.healthPrevalent.count == 7 && index.healthScarce.count == 43)
        let old = [Taxon(id: "1", label: "s__Clostridium_bolteae"), Taxon(id: "2", label: "s__Bifidobacterium_adolescentis")]
        let current = [TestTables.taxon("1", [(.genus, "Enterocloster"), (.species, "Enterocloster bolteae")]),
                       TestTables.taxon("2", [(.genus, "Bifidobacterium"), (.species, "Bifidobacterium adolescentis")])]
        let rows: [[Double]] = [[30, 70], [80, 20]]
        let a = index.values(try TestTables.make(rows, unit: .percent, taxa: old))
        let b = index.values(try TestTables.make(rows, unit: .percent, taxa: current))
        #expect(a == b)
        // Hand-worked for sample 0: Ψ_MH = (1/7)(−0.7 ln 0.7), Ψ_MN = (1/31)(−0.3 ln 0.3).
        let expected = log10(((-0.7 * log(0.7)) / 7 + 1e-5) / ((-0.3 * log(0.3)) / 31 + 1e-5))
        #expect(nearlyEqual(a[0], expected))
    }

    @Test func tsvLayouts() throws {
        let table = try TestTables.make([[1, 0], [1, 1]])
        var text = ""
        let matrix = try BetaMetric.jaccard.distances(table)
        TSVWriting.distanceMatrix(matrix) { text += String(decoding: $0, as: UTF8.self) }
        #expect(text == "\ts0\ts1\ns0\t0\t0.5\ns1\t0.5\t0\n")
        text = ""
        let alpha = try AlphaDiversity(table, metrics: [ObservedFeatures(), Shannon()])
        TSVWriting.alpha(alpha) { text += String(decoding: $0, as: UTF8.self) }
        #expect(text == "sample_id\tobserved_features\tshannon\ns0\t1\t0\ns1\t2\t\(log(2.0))\n")
    }
}
