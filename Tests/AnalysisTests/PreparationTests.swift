import Analysis
import Foundation
import ProfileModel
import Testing

/// Collapse to a rank, comparability notes, normalisation and rarefaction.
@Suite struct PreparationTests {
    static let taxa = [
        TestTables.taxon("a", [(.phylum, "Bacillota"), (.family, "Lachnospiraceae"), (.genus, "Blautia"), (.species, "Blautia obeum")]),
        TestTables.taxon("b", [(.phylum, "Bacillota"), (.family, "Lachnospiraceae"), (.genus, "Blautia"), (.species, "Blautia wexlerae")]),
        TestTables.taxon("c", [(.phylum, "Bacillota"), (.family, "Lachnospiraceae")]),
        TestTables.taxon("d", [(.phylum, "Bacteroidota"), (.family, "Bacteroidaceae"), (.genus, "Bacteroides")]),
    ]

    @Test func collapseSumsAndKeepsUnresolvedMass() throws {
        let table = try TestTables.make([[5, 3, 2, 10], [0, 1, 0, 4]], taxa: Self.taxa)
        let genus = try AnalysisTable(table, rank: .genus)
        let names = genus.table.taxa.map { $0.lineage.name(at: .genus) }
        #expect(names == ["Blautia", "unclassified Lachnospiraceae", "Bacteroides"])
        #expect(genus.table.taxa.map(AnalysisTable.isPlaceholder) == [false, true, false])
        #expect(Array(genus.table.abundances.entries(ofSample: 0).map(\.value)) == [8, 2, 10])
        #expect(genus.table.sampleTotals() == table.sampleTotals())
        #expect(genus.comparability.unresolvedTaxa == 1)
        #expect(genus.comparability.analysedRank == .genus)
        #expect(throws: AnalysisError.self) { try AnalysisTable(table, rank: .strain) }
    }

    @Test func mixedSourcesRunAtTheDeepestSharedRank() throws {
        let samples = [Sample(id: "shotgun", source: [.assay: "shotgun"]),
                       Sample(id: "amplicon", source: [.assay: "16S V4"])]
        // The shotgun sample is named to species; the amplicon sample only to genus.
        let table = try TestTables.make([[5, 3, 0, 2], [0, 0, 0, 7]], taxa: Self.taxa, samples: samples)
        let prepared = try AnalysisTable(table)
        #expect(prepared.comparability.isMixed)
        #expect(prepared.comparability.sharedRank == .genus)
        #expect(prepared.comparability.analysedRank == .genus)
        #expect(prepared.comparability.notes.contains { $0.contains("deepest rank every source reaches") })
        let single = try AnalysisTable(try TestTables.make([[1, 2, 3, 4]], taxa: Self.taxa))
        #expect(single.comparability.analysedRank == nil && single.comparability.notes.isEmpty)
    }

    @Test func closingAndComposition() throws {
        let table = try TestTables.make([[5, 3, 2, 10], [0, 0, 0, 0]], taxa: Self.taxa)
        let closed = try RelativeAbundance.closed(table)
        #expect(closed.sampleTotals()[0] == 1 && closed.sampleTotals()[1] == 0)
        let genus = try AnalysisTable(table, rank: .genus)
        let summary = CompositionSummary(genus.table, rank: .genus, top: 1)
        #expect(summary.taxa == ["Bacteroides"])
        #expect(summary.shares[0] == [0.5, 0.4, 0.1])
        #expect(summary.shares[1] == [0, 0, 0])
    }

    @Test func rarefactionIsSeededAndExact() throws {
        let table = try TestTables.make([[50, 30, 20, 0], [5, 0, 0, 1], [100, 100, 100, 100]])
        let rarefaction = try Rarefaction(depth: 40, seed: 7)
        let (first, dropped) = try rarefaction.apply(to: table)
        let (again, _) = try rarefaction.apply(to: table)
        #expect(dropped == ["s1"])
        #expect(first.samples.map(\.id) == ["s0", "s2"])
        #expect(first.sampleTotals() == [40, 40])
        #expect(first == again)
        let (other, _) = try Rarefaction(depth: 40, seed: 8).apply(to: table)
        #expect(other.abundances != first.abundances)
        for sample in 0..<2 {
            let source = table.samples.firstIndex { $0.id == first.samples[sample].id } ?? 0
            for (taxon, value) in first.abundances.entries(ofSample: sample) { #expect(value <= table.value(sample: source, taxon: taxon)) }
        }
        #expect(throws: AnalysisError.self) { try rarefaction.apply(to: try TestTables.make([[0.5, 0.5]], unit: .relative)) }
    }
}
