import ProfileModel
import Testing
@testable import Taxonomy

@Suite("Bundled renames: every sourced row of TAXONOMY.md §2")
struct BundledRenameTests {
    @Test func everyRowNumberOfTheDesignNotesIsBundledWithItsSource() {
        let numbers = Set(BundledRenames.rows.map(\.row))
        #expect(numbers == Set(1...87))
        for row in BundledRenames.rows {
            #expect(row.source.hasPrefix("TAXONOMY.md §2."), "row \(row.row)")
            #expect(row.source.contains("row \(row.row)"), "row \(row.row)")
            #expect(row.oldName != row.newName, "row \(row.row)")
        }
    }

    @Test(arguments: BundledRenames.rows)
    func everyRenameAppliesToItsTargetsOnly(_ row: RenameRow) {
        for target in TargetTaxonomy.allCases {
            let prefix = row.rank.prefixLetter.map { "\($0)__" } ?? ""
            let taxon = Taxon(id: "r\(row.row)", label: prefix + row.oldName,
                              lineage: Lineage([LineageEntry(rank: row.rank, name: row.oldName)])!)
            let resolved = TaxonResolver(target: target).resolve(taxon)
            let name = resolved.resolved.lineage.name(at: row.rank)
            let applying = BundledRenames.table.rename(row.oldName, rank: row.rank, for: target)
            if let applying {
                #expect(name == applying.newName, "row \(row.row) for \(target)")
                #expect(resolved.method == .rename, "row \(row.row) for \(target)")
                #expect(resolved.evidence.contains { $0.source == applying.source }, "row \(row.row) for \(target)")
            } else {
                #expect(name == row.oldName, "row \(row.row) must not apply to \(target)")
            }
            if row.targets.contains(target) { #expect(applying?.row == row.row, "row \(row.row) for \(target)") }
        }
    }

    @Test func lpsnRowsAreThoseCheckedAgainstAPublicationOrLPSN() {
        for row in BundledRenames.rows where row.targets.contains(.lpsn) {
            #expect([.publication, .lpsn, .secondary].contains(row.confirmation), "row \(row.row)")
        }
        for row in BundledRenames.rows where row.confirmation == .communityList {
            #expect(row.targets.isEmpty, "row \(row.row)")
        }
    }

    @Test func renamesAreRankScoped() {
        // Actinobacteria is a phylum (row 4) and a class (row 42).
        let table = BundledRenames.table
        #expect(table.rename("Actinobacteria", rank: .phylum, for: .lpsn)?.newName == "Actinomycetota")
        #expect(table.rename("Actinobacteria", rank: .class, for: .lpsn)?.newName == "Actinomycetes")
        #expect(table.renames(anyRank: "Actinobacteria", for: .lpsn).count == 2)
        let plain = TaxonResolver(target: .lpsn).resolve(Taxon(id: "a", label: "Actinobacteria",
                                                               lineage: LineageParser.parse("Actinobacteria")))
        #expect(plain.resolved.lineage.entries.first?.name == "Actinobacteria")
    }

    @Test func speciesMovedToAnotherGenusMovesItsGenusLevel() {
        let label = "k__Bacteria|p__Bacteroidetes|c__Bacteroidia|o__Bacteroidales|f__Bacteroidaceae|g__Bacteroides|s__Bacteroides_vulgatus"
        let resolved = TaxonResolver(target: .lpsn).resolve(Taxon(id: "v", label: label, lineage: LineageParser.parse(label)))
        #expect(resolved.resolved.lineage.name(at: .genus) == "Phocaeicola")
        #expect(resolved.resolved.lineage.name(at: .species) == "Phocaeicola vulgatus")
        #expect(resolved.resolved.lineage.name(at: .phylum) == "Bacteroidota")
        #expect(resolved.resolved.label == label)
    }

    @Test func strainSplitsAndAmbiguousRowsAreNotApplied() {
        for target in TargetTaxonomy.allCases {
            #expect(BundledRenames.table.rename("Faecalibacterium prausnitzii", rank: .species, for: target) == nil)
            #expect(BundledRenames.table.rename("Bacteroides massiliensis", rank: .species, for: target) == nil)
        }
        #expect(BundledRenames.table.notApplying("Faecalibacterium prausnitzii", rank: .species, for: .lpsn).count == 2)
    }
}
