import Foundation
import Testing

/// `mhub reconcile`, `mhub taxonomy …` and `convert --reconcile`, run as users run them.
@Suite("Taxonomy on the command line")
struct TaxonomyCLITests {
    private let root = MHubRunner.packageRoot
    private var taxdump: String { root.appendingPathComponent("Tests/TaxonomyTests/Fixtures/taxdump").path }
    private func conformance(_ path: String) -> String { root.appendingPathComponent("Conformance/\(path)").path }

    /// The genus-level lineages (named levels joined by `;`) of a profile JSON file.
    private func genusLineages(_ url: URL) throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let taxa = try #require(document["taxa"] as? [[String: Any]])
        return Set(taxa.compactMap { taxon -> String? in
            guard let lineage = taxon["lineage"] as? [[String]], lineage.last?.first == "genus" else { return nil }
            return lineage.filter { $0[1] != "" }.map { $0[1] }.joined(separator: ";")
        })
    }

    @Test func metaphlanAndSilvaTablesReconcileToSharedGenera() throws {
        let folder = try MHubRunner.scratchDirectory()
        var genera: [Set<String>] = []
        for input in ["metaphlan-merged/valid-biobakery-hmp2-merged-metaphlan.tsv", "wide-tsv/valid-biobakery-dada2-asv.tsv"] {
            let output = folder.appendingPathComponent(UUID().uuidString + ".json")
            let report = folder.appendingPathComponent(UUID().uuidString + ".tsv")
            let result = try MHubRunner.run(["reconcile", conformance(input), "-o", output.path, "--output-format", "mhub-json",
                                             "--to", "lpsn", "--rank", "genus", "--report", report.path])
            #expect(result.status == 0, "\(result.stderr)")
            genera.append(try genusLineages(output))
            let reportText = try String(contentsOf: report, encoding: .utf8)
            #expect(reportText.hasPrefix("feature_id\toriginal_label\toriginal_lineage\tresolved_lineage"))
        }
        // Checked by hand: the MetaPhlAn table (NCBI names of 2019, Greengenes-style prefixes)
        // and the DADA2 table (SILVA names) write these genera under Firmicutes/Clostridiales/
        // Ruminococcaceae, Bacteroidetes, Actinobacteria, Verrucomicrobia; after renaming to LPSN
        // (rows 1, 2, 4, 5, 39, 40, 42, 44) both give the same lineages.
        let expected: Set<String> = [
            "Bacteria;Bacteroidota;Bacteroidia;Bacteroidales;Bacteroidaceae;Bacteroides",
            "Bacteria;Bacillota;Clostridia;Eubacteriales;Oscillospiraceae;Faecalibacterium",
            "Bacteria;Bacillota;Clostridia;Eubacteriales;Lachnospiraceae;Roseburia",
            "Bacteria;Bacteroidota;Bacteroidia;Bacteroidales;Prevotellaceae;Prevotella",
            "Bacteria;Actinomycetota;Actinomycetes;Bifidobacteriales;Bifidobacteriaceae;Bifidobacterium",
            "Bacteria;Verrucomicrobiota;Verrucomicrobiia;Verrucomicrobiales;Akkermansiaceae;Akkermansia",
        ]
        let shared = genera[0].intersection(genera[1])
        #expect(expected.isSubset(of: shared), "\(expected.subtracting(shared))")
        // The same genus under different families stays apart (whole-lineage identity).
        #expect(!shared.contains { $0.hasSuffix(";Butyricimonas") })
    }

    @Test func reconcileFollowsTaxIDsThroughTheTaxdump() throws {
        let folder = try MHubRunner.scratchDirectory()
        // A Bracken species table (the layout of taxpasta's test data) whose ids are, in the
        // fixture taxdump, merged, current and deleted.
        let input = folder.appendingPathComponent("sample.bracken.tsv")
        try """
            name\ttaxonomy_id\ttaxonomy_lvl\tkraken_assigned_reads\tadded_reads\tnew_est_reads\tfraction_total_reads
            Escherichia coli (old id)\t12345\tS\t5\t0\t5\t0.5
            Escherichia coli\t1945799576\tS\t3\t0\t3\t0.3
            Lost species\t99999\tS\t2\t0\t2\t0.2

            """.write(to: input, atomically: true, encoding: .utf8)
        let report = folder.appendingPathComponent("report.json")
        let output = folder.appendingPathComponent("out.json")
        let result = try MHubRunner.run(["reconcile", input.path, "--from", "bracken-abundance", "-o", output.path,
                                         "--output-format", "mhub-json", "--to", "ncbi", "--ncbi-taxdump", taxdump,
                                         "--report", report.path])
        try #require(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        #expect(document["target"] as? String == "ncbi")
        #expect(document["methodCounts"] as? [String: Int] == ["merged-tax-id": 1, "lineage-from-tax-id": 1, "unresolved": 1])
        let profile = try String(contentsOf: output, encoding: .utf8)
        // The merged and the current id become one taxon with the full lineage; the deleted one stays.
        #expect(profile.contains("Enterobacteriaceae"))
        #expect(profile.contains("Lost species"))
        #expect(profile.contains("ncbi:99999"))
    }

    @Test func lineageOfIdsAndNames() throws {
        let result = try MHubRunner.run(["taxonomy", "lineage", "--ncbi-taxdump", taxdump],
                                        stdin: Data("12345\nEscherichia coli\n99999\n42\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(lines[0].joined(separator: "\t") == "query\tstatus\ttaxonomy_id\tname\trank\tlineage\tid_lineage\trank_lineage")
        #expect(lines[1][1] == "merged" && lines[1][2] == "1945799576")
        #expect(lines[2][1] == "found" && lines[2][7] == "superkingdom;phylum;class;order;family;genus;species")
        #expect(lines[3][1] == "deleted")
        #expect(lines[4][1] == "not-found")
    }

    @Test func resolveAndParseAsJSON() throws {
        let resolve = try MHubRunner.run(["taxonomy", "resolve", "--to", "lpsn", "--json"],
                                         stdin: Data("s__Propionibacterium_acnes\n".utf8))
        #expect(resolve.status == 0, "\(resolve.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: resolve.stdoutBytes) as? [String: Any])
        let taxa = try #require(document["taxa"] as? [[String: Any]])
        #expect(taxa.first?["resolvedLineage"] as? String == "s__Cutibacterium acnes")
        #expect(taxa.first?["method"] as? String == "rename")

        let parse = try MHubRunner.run(["taxonomy", "parse"], stdin: Data("d__Bacteria;p__Firmicutes_A;g__Ruminococcaceae_UCG-004\n".utf8))
        #expect(parse.status == 0)
        #expect(parse.stdout.contains("Firmicutes_A=A"))
        #expect(parse.stdout.contains("Ruminococcaceae_UCG-004=numberedGroup"))

        // Lines of Bracken's sample Kraken report and a taxonkit name + rank lineage (TAXONOMY.md §1.8, §1.11).
        let lines = "  5.44\t1449813\t1449813\tS\t562\t                Escherichia coli\n"
            + "98.40\t26241408\t0\tR1\t131567\t  cellular organisms\n"
            + "cellular organisms;Bacteria;environmental samples\tno rank;superkingdom;no rank\n"
        let styles = try MHubRunner.run(["taxonomy", "parse"], stdin: Data(lines.utf8))
        let rows = styles.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 3)
        #expect(rows[0][1] == "kraken-report" && rows[0][2] == "species:Escherichia coli")
        #expect(rows[1][2] == "unranked:cellular organisms")
        #expect(rows[2][1] == "ncbi-ranked")
        #expect(rows[2][2] == "unranked:cellular organisms; domain:Bacteria; unranked:environmental samples")
        #expect(rows[2][3] == "environmental samples=environmentalSamples")
    }

    @Test func convertReconcilesAndWritesItsReport() throws {
        let folder = try MHubRunner.scratchDirectory()
        let output = folder.appendingPathComponent("out.json")
        let report = folder.appendingPathComponent("report.tsv")
        let result = try MHubRunner.run(["convert", conformance("wide-tsv/valid-biobakery-usearch-gg.tsv"), "-o", output.path,
                                         "--to", "mhub-json", "--reconcile", "lpsn", "--reconcile-report", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        let profile = try String(contentsOf: output, encoding: .utf8)
        #expect(profile.contains("\"reconcile\""))
        #expect(profile.contains("Bacillota"))
        #expect(try String(contentsOf: report, encoding: .utf8).contains("\trename\t"))
    }

    @Test func usageAndDataErrorsLeaveNoOutput() throws {
        let folder = try MHubRunner.scratchDirectory()
        let output = folder.appendingPathComponent("out.json").path
        let report = folder.appendingPathComponent("report.tsv").path
        let input = conformance("wide-tsv/valid-biobakery-dada2-asv.tsv")
        let unknownTarget = try MHubRunner.run(["reconcile", input, "-o", output, "--to", "silva", "--report", report])
        #expect(unknownTarget.status == 2)
        #expect(unknownTarget.stderr.contains("unknown taxonomy 'silva'"))
        let missingDump = try MHubRunner.run(["reconcile", input, "-o", output, "--to", "ncbi",
                                              "--ncbi-taxdump", folder.appendingPathComponent("none").path, "--report", report])
        #expect(missingDump.status == 1)
        #expect(missingDump.stderr.contains("taxonomy.io"))
        let strayOption = try MHubRunner.run(["convert", input, "-o", output, "--rank", "genus"])
        #expect(strayOption.status == 2)
        #expect(try MHubRunner.listing(folder).isEmpty)
    }
}
