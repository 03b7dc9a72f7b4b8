import ProfileModel
import Testing
@testable import Taxonomy

@Suite("Reconciling a table")
struct TableReconciliationTests {
    private func table(_ rows: [(label: String, values: [Double])], structure: ProfileStructure = .leaves) throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .counts, structure: structure)
        try builder.addSample(Sample(id: "S1"))
        try builder.addSample(Sample(id: "S2"))
        for (index, row) in rows.enumerated() {
            let taxon = try builder.addTaxon(Taxon(id: "t\(index)", label: row.label, lineage: LineageParser.parse(row.label)))
            for (sample, value) in row.values.enumerated() { try builder.setValue(value, sample: sample, taxon: taxon) }
        }
        return try builder.build()
    }

    @Test func taxaThatBecomeTheSameAreMergedWithEveryLabelKept() throws {
        let input = try table([("k__Bacteria|p__Firmicutes", [3, 0]), ("d__Bacteria;p__Bacillota", [4, 5]),
                               ("d__Bacteria;p__Firmicutes_A", [1, 1]), ("k__Bacteria|p__Bacteroidetes", [2, 2])])
        let (output, report) = try TableReconciliation.reconcile(input, with: TaxonResolver(target: .lpsn))
        #expect(output.taxa.count == 2)
        let bacillota = try #require(output.taxa.firstIndex { $0.lineage.name(at: .phylum) == "Bacillota" })
        #expect(output.value(sample: 0, taxon: bacillota) == 8)
        #expect(output.value(sample: 1, taxon: bacillota) == 6)
        #expect(output.taxa[bacillota].label == "k__Bacteria|p__Firmicutes")
        #expect(output.taxa[bacillota].allOrigins.map(\.label)
                == ["k__Bacteria|p__Firmicutes", "d__Bacteria;p__Bacillota", "d__Bacteria;p__Firmicutes_A"])
        #expect(report.rows.count == 4)
        #expect(report.rows.map(\.method) == [.rename, .exact, .rename, .rename])
        let step = try #require(output.provenance.steps.last)
        #expect(step.action == .reconcile)
        #expect(step.parameters["taxa-merged"] == "2")
        #expect(step.parameters["method-rename"] == "3")
        #expect(output.sampleTotals() == input.sampleTotals())
    }

    @Test func collapsingACumulativeTableCountsEachReadOnce() throws {
        let input = try table([("k__Bacteria|g__Bacteroides", [10, 4]),
                               ("k__Bacteria|g__Bacteroides|s__Bacteroides_fragilis", [6, 4])], structure: .cladeCumulative)
        let (output, _) = try TableReconciliation.reconcile(input, with: TaxonResolver(target: .lpsn, rank: .genus))
        #expect(output.taxa.count == 1)
        #expect(output.value(sample: 0, taxon: 0) == 10)
        #expect(output.value(sample: 1, taxon: 0) == 4)
        #expect(output.structure == .leaves)
    }

    @Test func reportListsOriginalResolvedMethodAndSources() throws {
        let input = try table([("k__Bacteria|p__Firmicutes|c__Clostridia|o__Clostridiales", [1, 1])])
        let (_, report) = try TableReconciliation.reconcile(input, with: TaxonResolver(target: .lpsn))
        let lines = report.tsv().split(separator: "\n")
        #expect(lines.first == Substring(ReconciliationReport.tsvColumns.joined(separator: "\t")))
        let fields = lines[1].split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields[1] == "k__Bacteria|p__Firmicutes|c__Clostridia|o__Clostridiales")
        #expect(fields[3] == "d__Bacteria; p__Bacillota; c__Clostridia; o__Eubacteriales")
        #expect(fields[6] == "rename")
        #expect(fields[10].contains("TAXONOMY.md §2.2 row 39"))
        let json = String(decoding: try report.json(), as: UTF8.self)
        #expect(json.contains("\"target\" : \"lpsn\""))
        #expect(json.contains("\"rename\" : 1"))
    }
}
