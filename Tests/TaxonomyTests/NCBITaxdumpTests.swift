import Foundation
import ProfileModel
import Testing
@testable import Taxonomy

@Suite("NCBI taxdump: loading, merged and deleted ids, lineages")
struct NCBITaxdumpTests {
    private func fixture() throws -> NCBITaxdump { try NCBITaxdumpLoader.load(directory: Fixtures.taxdump) }

    @Test func loadsTaxpastasTinyDump() throws {
        let dump = try fixture()
        #expect(dump.nodeCount == 19)
        #expect(dump.nameCount == 19)
        #expect(dump.mergedCount == 2)
        #expect(dump.deletedCount == 1)
        #expect(dump.scientificName(of: 1945799576) == "Escherichia coli")
        #expect(dump.rank(of: 609216830) == "superkingdom")
    }

    @Test func lineageWithNamesIdsAndRanksLeavesOutTheRoot() throws {
        let levels = try #require(try fixture().lineage(of: 1945799576))
        #expect(levels.map(\.name) == ["Bacteria", "Proteobacteria", "Gammaproteobacteria", "Enterobacterales",
                                       "Enterobacteriaceae", "Escherichia", "Escherichia coli"])
        #expect(levels.map(\.taxID) == [609216830, 1641076285, 329474883, 1012954932, 87250111, 1187493883, 1945799576])
        #expect(levels.first?.rank == "superkingdom")
        let ranked = TaxdumpLineage.ranked(levels)
        #expect(ranked.entries.map(\.rank) == [.domain, .phylum, .class, .order, .family, .genus, .species])
    }

    @Test func mergedIdResolvesToItsSuccessor() throws {
        let dump = try fixture()
        #expect(dump.status(of: 12345) == .merged(into: 1945799576))
        let resolved = TaxonResolver(target: .ncbi, reference: ReferenceData(taxdump: dump))
            .resolve(Taxon(id: "12345", label: "old E. coli id", taxonID: TaxonID(system: "ncbi", value: "12345")))
        #expect(resolved.method == .mergedTaxID)
        #expect(resolved.resolved.taxonID == TaxonID(system: "ncbi", value: "1945799576"))
        #expect(resolved.resolved.lineage.name(at: .genus) == "Escherichia")
        #expect(resolved.evidence.contains { $0.source == "merged.dmp" && $0.detail.contains("12345") })
        #expect(resolved.resolved.label == "old E. coli id")
    }

    @Test func deletedIdIsReportedNotDroppedNorSentToTheRoot() throws {
        let dump = try fixture()
        #expect(dump.status(of: 99999) == .deleted)
        let taxon = Taxon(id: "99999", label: "Some bacterium", lineage: LineageParser.parse("k__Bacteria"),
                          taxonID: TaxonID(system: "ncbi", value: "99999"))
        let resolved = TaxonResolver(target: .ncbi, reference: ReferenceData(taxdump: dump)).resolve(taxon)
        #expect(resolved.method == .unresolved)
        #expect(resolved.resolved.taxonID == taxon.taxonID)
        #expect(resolved.resolved.lineage == taxon.lineage)
        #expect(resolved.evidence.contains { $0.source == "delnodes.dmp" })
        #expect(resolved.identity == .taxonID(system: "ncbi", value: "99999"))
    }

    @Test func unknownIdIsUnresolved() throws {
        #expect(try fixture().status(of: 42) == .unknown)
    }

    @Test func namesOfEveryClassAreFound() throws {
        let dump = try fixture()
        #expect(dump.matches(forName: "Pseudomonas putida").map(\.taxID) == [1887621118])
        #expect(dump.matches(forName: "Pseudomonas Putida").isEmpty)
    }

    @Test func speciesNameTableGetsItsLineageAndId() throws {
        let resolver = TaxonResolver(target: .ncbi, reference: ReferenceData(taxdump: try fixture()))
        let resolved = resolver.resolve(Taxon(id: "Escherichia coli", label: "Escherichia coli",
                                              lineage: LineageParser.parse("Escherichia coli", rankHint: .species)))
        #expect(resolved.resolved.taxonID == TaxonID(system: "ncbi", value: "1945799576"))
        #expect(resolved.resolved.lineage.name(at: .phylum) == "Proteobacteria")
        #expect(resolved.methods.contains(.lineageFromTaxID))
        #expect(resolved.resolved.metadata["ncbi-id-lineage"]
                == .string("609216830;1641076285;329474883;1012954932;87250111;1187493883;1945799576"))
        #expect(resolved.resolved.metadata["ncbi-rank-lineage"] == .string("superkingdom;phylum;class;order;family;genus;species"))
    }

    @Test func queryRowsWriteTaxpastaStyleLineages() throws {
        let query = TaxdumpQuery(taxdump: try fixture())
        var bytes: [UInt8] = []
        query.appendRow(for: "777", to: &bytes)
        let row = String(decoding: bytes, as: UTF8.self)
        #expect(row.hasSuffix("\n"))
        let fields = row.dropLast().split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields.count == TaxdumpQuery.columns.count)
        #expect(fields[1] == "merged")
        #expect(fields[2] == "1887621118")
        #expect(fields[5] == "Bacteria;Proteobacteria;Gammaproteobacteria;Pseudomonadales;Pseudomonadaceae;Pseudomonas;Pseudomonas putida")
        #expect(query.outcome(for: "99999") == .deleted(99999))
        let narrow = TaxdumpQuery(taxdump: try fixture(), columns: [.lineage])
        #expect(narrow.header == ["query", "status", "taxonomy_id", "lineage"])
        var short: [UInt8] = []
        narrow.appendRow(for: "99999", to: &short)
        #expect(String(decoding: short, as: UTF8.self) == "99999\tdeleted\t99999\t\n")
        #expect(query.outcome(for: "no such name") == .notFound)
    }

    @Test func newTaxdumpColumnsAndSynonymsAndHomonyms() throws {
        // Senegalia is a plant genus and a bacterial genus (issue 11; Bracken #94).
        let directory = try Fixtures.writeTaxdump(
            nodes: [Fixtures.node(1, 1, "no rank"), Fixtures.node(2, 1, "superkingdom"), Fixtures.node(2759, 1, "superkingdom"),
                    Fixtures.node(100, 2, "genus"), Fixtures.node(200, 2759, "genus"),
                    Fixtures.node(909656, 2, "genus"),
                    Fixtures.node(821, 909656, "species") + "\t\t|\t0\t|\t1\t|\t\t|\t0\t|\t1\t|"],
            names: [Fixtures.name(1, "root"), Fixtures.name(2, "Bacteria"), Fixtures.name(2759, "Eukaryota"),
                    Fixtures.name(100, "Senegalia", unique: "Senegalia <bacteria>"), Fixtures.name(200, "Senegalia", unique: "Senegalia <plant>"),
                    Fixtures.name(909656, "Phocaeicola"), Fixtures.name(821, "Phocaeicola vulgatus"),
                    Fixtures.name(821, "Bacteroides vulgatus", "synonym")])
        let dump = try NCBITaxdumpLoader.load(directory: directory)
        #expect(Set(dump.matches(forName: "Senegalia").map(\.taxID)) == [100, 200])
        let resolver = TaxonResolver(target: .ncbi, reference: ReferenceData(taxdump: dump))

        let bare = resolver.resolve(Taxon(id: "x", label: "Senegalia", lineage: LineageParser.parse("Senegalia", rankHint: .genus)))
        #expect(bare.method == .unresolved)
        #expect(bare.evidence.contains { $0.detail.contains("a bare name is no identity") })

        let bacterium = resolver.resolve(Taxon(id: "y", label: "d__Bacteria;g__Senegalia",
                                               lineage: LineageParser.parse("d__Bacteria;g__Senegalia")))
        #expect(bacterium.resolved.taxonID == TaxonID(system: "ncbi", value: "100"))
        let plant = resolver.resolve(Taxon(id: "z", label: "d__Eukaryota;g__Senegalia",
                                           lineage: LineageParser.parse("d__Eukaryota;g__Senegalia")))
        #expect(plant.resolved.taxonID == TaxonID(system: "ncbi", value: "200"))
        #expect(plant.identity != bacterium.identity)

        // MetaPhlAn 3's name, an NCBI synonym (the 5-column new_taxdump node line reads the same).
        let synonym = resolver.resolve(Taxon(id: "s", label: "s__Bacteroides_vulgatus",
                                             lineage: LineageParser.parse("s__Bacteroides_vulgatus")))
        #expect(synonym.resolved.taxonID == TaxonID(system: "ncbi", value: "821"))
        #expect(synonym.method == .synonym)
        #expect(synonym.resolved.lineage.name(at: .genus) == "Phocaeicola")
        #expect(synonym.resolved.label == "s__Bacteroides_vulgatus")
    }

    @Test func malformedDumpLineNamesFileAndLine() throws {
        let directory = try Fixtures.writeTaxdump(nodes: [Fixtures.node(1, 1, "no rank"), "2\t|\tnot a number\t|\tgenus\t|"],
                                                  names: [Fixtures.name(1, "root")])
        #expect(throws: TaxonomyError.malformed(file: directory + "/nodes.dmp", line: 2,
                                                reason: "a nodes.dmp line needs a tax id, a parent tax id and a rank",
                                                hint: "fields are separated by tab-pipe-tab")) {
            try NCBITaxdumpLoader.load(directory: directory)
        }
    }

    @Test func missingFolderIsAnIOError() {
        #expect(throws: TaxonomyError.self) { try NCBITaxdumpLoader.load(directory: "/nonexistent/taxdump") }
    }
}
