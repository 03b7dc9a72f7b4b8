import Foundation
import ProfileModel
import Testing
@testable import Taxonomy

@Suite("GTDB names: GTDB-Tk output and taxonomy files")
struct GTDBStyleTests {
    @Test func everyGTDBTkClassificationOfTheCorpusParses() throws {
        let text = try String(contentsOf: Fixtures.gtdbTkSummary, encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 300)
        var suffixed = Set<String>()
        for row in rows {
            let lineage = LineageParser.parse(String(row[1]))
            #expect(lineage.entries.map(\.rank) == [.domain, .phylum, .class, .order, .family, .genus, .species], "\(row[0])")
            for entry in lineage.entries where LineageParser.splitGTDBSuffix(entry.name) != nil { suffixed.insert(entry.name) }
        }
        #expect(suffixed.contains("Bacillales_H"))
        #expect(suffixed.contains("Bacillaceae_D"))
        let first = LineageParser.parse(String(rows[0][1]))
        #expect(first.name(at: .species) == "Alkalihalophilus pseudofirmus")
    }

    @Test func gtdbTkNamesResolveToLPSNWithoutSuffixes() throws {
        let text = try String(contentsOf: Fixtures.gtdbTkSummary, encoding: .utf8)
        let classification = try #require(text.split(separator: "\n").dropFirst().first?.split(separator: "\t")[1])
        let resolved = TaxonResolver(target: .lpsn).resolve(Taxon(id: "g1", label: String(classification),
                                                                   lineage: LineageParser.parse(String(classification))))
        #expect(resolved.resolved.lineage.name(at: .order) == "Bacillales")
        #expect(resolved.resolved.lineage.name(at: .family) == "Bacillaceae")
        #expect(resolved.methods.contains(.gtdbSuffix))
        #expect(resolved.resolved.label == String(classification))
    }

    @Test func taxonomyFileLoadsWithSuffixVariants() throws {
        var gtdb = GTDBTaxonomy()
        try gtdb.load(path: Fixtures.gtdbTaxonomy)
        #expect(gtdb.genomeCount == 26)
        #expect(gtdb.variants(of: "Methanothrix", rank: .genus) == ["Methanothrix", "Methanothrix_A", "Methanothrix_B"])
        #expect(gtdb.variants(of: "Methanothrix_A", rank: .genus) == ["Methanothrix", "Methanothrix_A", "Methanothrix_B"])
        let lineage = try #require(gtdb.lineage(of: "Methanocella_A", rank: .genus))
        #expect(lineage.name(at: .family) == "Methanocellaceae")
        #expect(gtdb.lineage(of: "ARK-15", rank: .family) != nil)
        #expect(gtdb.lineage(of: "ARK-15", rank: .phylum) == nil)
    }

    @Test func bareNameTakesItsOnlySuffixedGTDBName() throws {
        var gtdb = GTDBTaxonomy()
        try gtdb.load(path: Fixtures.gtdbTaxonomy)
        let resolver = TaxonResolver(target: .gtdb, reference: ReferenceData(gtdb: gtdb))
        let species = resolver.resolve(Taxon(id: "a", label: "Methanocella arvoryzae",
                                             lineage: LineageParser.parse("g__Methanocella;s__Methanocella arvoryzae")))
        #expect(species.resolved.lineage.name(at: .species) == "Methanocella_A arvoryzae")
        #expect(species.method == .gtdbSuffix)

        let ambiguous = resolver.resolve(Taxon(id: "b", label: "Methanothrix harundinacea",
                                               lineage: LineageParser.parse("s__Methanothrix harundinacea")))
        #expect(ambiguous.method == .unresolved)
        #expect(ambiguous.evidence.contains { $0.detail.contains("Methanothrix_A harundinacea_D") })
        #expect(ambiguous.resolved.lineage == ambiguous.original.lineage)

        let exact = resolver.resolve(Taxon(id: "c", label: "g__Methanothrix", lineage: LineageParser.parse("g__Methanothrix")))
        #expect(exact.method == .exact)
    }

    @Test func malformedTaxonomyLineIsReportedWithItsLine() throws {
        let folder = try Fixtures.scratch()
        let file = folder.appendingPathComponent("bac120_taxonomy.tsv")
        try "RS_GCF_1.1\td__Bacteria;p__Firmicutes\nno tab here\n".write(to: file, atomically: true, encoding: .utf8)
        var gtdb = GTDBTaxonomy()
        #expect(throws: TaxonomyError.self) { try gtdb.load(path: file.path) }
        do { try gtdb.load(path: file.path) } catch {
            guard case let .malformed(_, line, _, _) = error else { Issue.record("expected a malformed line"); return }
            #expect(line == 2)
        }
    }
}
