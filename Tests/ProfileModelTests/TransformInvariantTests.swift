import Testing
@testable import ProfileModel

/// Properties every transform keeps, checked over generated tables.
@Suite("Transform invariants over generated tables")
struct TransformInvariantTests {
    typealias F = TransformFixtures
    static let seeds: [UInt64] = [1, 7, 42, 1234, 99_991]

    private func totalsAgree(_ first: [Double], _ second: [Double]) -> Bool {
        first.count == second.count && zip(first, second).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0)) }
    }

    @Test(arguments: seeds) func collapseAndMapPreserveSampleTotals(seed: UInt64) throws {
        let table = try F.generated(seed: seed)
        for rank in [Rank.phylum, .family, .genus, .species] {
            #expect(totalsAgree(try table.collapsed(to: rank).sampleTotals(), table.sampleTotals()), "rank \(rank)")
        }
        let mapped = try table.mappingTaxa { taxon in
            var copy = taxon
            copy.lineage = taxon.lineage.truncated(after: .family)
            return copy
        }
        #expect(totalsAgree(mapped.sampleTotals(), table.sampleTotals()))
    }

    @Test(arguments: seeds) func collapseIsIdempotent(seed: UInt64) throws {
        let once = try F.generated(seed: seed).collapsed(to: .genus)
        let twice = try once.collapsed(to: .genus)
        #expect(twice.taxa.map(\.id) == once.taxa.map(\.id))
        #expect(twice.taxa.map(\.origins) == once.taxa.map(\.origins))
        #expect(twice.abundances == once.abundances)
    }

    @Test(arguments: seeds) func collapsingCumulativeRowsAgreesWithCollapsingTheirLeaves(seed: UInt64) throws {
        // A cumulative table built from a leaf table's own collapses: each rank's rows sum its children.
        let leaves = try F.generated(seed: seed, samples: 6, taxa: 30)
        let ranks: [Rank] = [.phylum, .family, .genus, .species]
        var levels = try ranks.map { try leaves.collapsed(to: $0) }
        levels = levels.map { level in level.filteringTaxa { $0.metadata["placeholder"] == nil } }
        var builder = ProfileTableBuilder(unit: .counts, structure: .cladeCumulative)
        for sample in leaves.samples { try builder.addSample(Sample(id: sample.id)) }
        for level in levels {
            for (index, taxon) in level.taxa.enumerated() {
                let row = try builder.addTaxon(Taxon(id: taxon.id, label: taxon.id, lineage: taxon.lineage))
                for sample in leaves.samples.indices {
                    let value = level.value(sample: sample, taxon: index)
                    if value > 0 { try builder.setValue(value, sample: sample, taxon: row) }
                }
            }
        }
        let cumulative = try builder.build()
        let direct = try cumulative.collapsed(to: .genus)
        let viaLeaves = try cumulative.toLeaves().collapsed(to: .genus)
        let directIDs = Set(direct.taxa.map(\.id)), leafIDs = Set(viaLeaves.taxa.map(\.id))
        #expect(directIDs.subtracting(leafIDs).sorted() == [], "only in the direct collapse")
        #expect(leafIDs.subtracting(directIDs).sorted() == [], "only in the collapse of the leaves")
        for sample in direct.samples.map(\.id) {
            let a = F.values(direct, sample: sample), b = F.values(viaLeaves, sample: sample)
            #expect(a.keys.sorted() == b.keys.sorted())
            for (key, value) in a { #expect(abs(value - b[key]!) < 1e-9) }
        }
    }

    @Test(arguments: seeds) func concatenationIsIndependentOfInputOrderUpToRowOrder(seed: UInt64) throws {
        let first = try F.generated(seed: seed, samples: 5, prefix: "A").renamingSource("a.tsv")
        let second = try F.generated(seed: seed &+ 1, samples: 4, taxa: 25, prefix: "B").renamingSource("b.tsv")
        let forward = try ProfileTable.concatenating([first, second])
        let backward = try ProfileTable.concatenating([second, first])
        #expect(Set(forward.samples.map(\.id)) == Set(backward.samples.map(\.id)))
        #expect(Set(forward.taxa.map(\.id)) == Set(backward.taxa.map(\.id)))
        for sample in forward.samples.map(\.id) {
            #expect(F.values(forward, sample: sample) == F.values(backward, sample: sample))
        }
        #expect(forward.taxa.count == Set(first.taxa.map(\.id) + second.taxa.map(\.id)).count)
    }

    @Test(arguments: seeds) func selectingEverySampleIsTheIdentity(seed: UInt64) throws {
        let table = try F.generated(seed: seed)
        let all = try table.selectingSamples(ids: table.samples.map(\.id))
        #expect(all.samples == table.samples)
        #expect(all.taxa == table.taxa)
        #expect(all.abundances == table.abundances)
        #expect(table.filteringTaxa { _ in true }.abundances == table.abundances)
    }

    @Test(arguments: seeds) func transformsDoNotDependOnTaxonOrder(seed: UInt64) throws {
        let table = try F.generated(seed: seed)
        let reversed = try table.reversingTaxa()
        let a = try table.collapsed(to: .genus), b = try reversed.collapsed(to: .genus)
        #expect(Set(a.taxa.map(\.id)) == Set(b.taxa.map(\.id)))
        for sample in table.samples.map(\.id) { #expect(F.values(a, sample: sample) == F.values(b, sample: sample)) }
    }
}

private extension ProfileTable {
    /// The table with `source-file` set, as an import would.
    func renamingSource(_ file: String) -> ProfileTable {
        var copy = self
        copy.provenance.source[.sourceFile] = file
        return copy
    }

    /// The same table with its taxa in reverse order.
    func reversingTaxa() throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: unit, structure: structure, provenance: provenance)
        for sample in samples { try builder.addSample(sample) }
        for taxon in taxa.reversed() { try builder.addTaxon(taxon) }
        for sample in samples.indices {
            for (taxon, value) in abundances.entries(ofSample: sample) {
                try builder.setValue(value, sample: sample, taxon: taxa.count - 1 - taxon)
            }
        }
        return try builder.build()
    }
}
