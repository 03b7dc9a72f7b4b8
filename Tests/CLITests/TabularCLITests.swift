import Foundation
import XCTest

/// The tabular and descriptor formats through the command line, as users run them.
final class TabularCLITests: XCTestCase {
    private var conformance: URL { MHubRunner.packageRoot.appendingPathComponent("Conformance") }

    /// Built-in descriptors are embedded: a copy of `mhub` outside the build folder, run from an
    /// unrelated working directory, still reads a uBiome export.
    func testInstalledCopyReadsBuiltInDescriptors() throws {
        let installed = try MHubRunner.scratchDirectory()
        let binary = installed.appendingPathComponent("mhub")
        try FileManager.default.copyItem(at: MHubRunner.executable, to: binary)
        let process = Process()
        process.executableURL = binary
        let source = conformance.appendingPathComponent("ubiome-csv/valid-actino-ubiome-export-74607.csv")
        let output = installed.appendingPathComponent("ubiome.long.tsv")
        process.arguments = ["convert", source.path, "-o", output.path]
        process.currentDirectoryURL = installed
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let text = try String(contentsOf: output, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("sample\ttaxon\tvalue\t"), String(text.prefix(200)))
        XCTAssertTrue(text.contains("\tBacteroides\t"), "Bacteroides is in the export")
    }

    func testBrokenUserDescriptorReportsEveryProblemWithItsPosition() throws {
        let folder = try MHubRunner.scratchDirectory()
        try "descriptor: 1\nid: Bad\nname: x\ndialect:\n  delimiter: tabs\n"
            .write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let result = try MHubRunner.run(["formats", "--formats-dir", folder.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("bad.yaml:2:5: error [descriptor.invalid]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad.yaml:5:14: error [descriptor.invalid]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("required key 'sample' is missing"), result.stderr)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("mhub: \(folder.path)/bad.yaml:") }, result.stderr)
    }

    func testUserDescriptorFolderAddsAFormat() throws {
        let folder = try MHubRunner.scratchDirectory()
        try """
        descriptor: 1
        id: tiny-lab
        name: Tiny lab export
        sample:
          file_name: true
        columns:
          taxon_name: Organism
          abundance: Reads
        detect:
          header: [Organism, Reads]

        """.write(to: folder.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
        let report = folder.appendingPathComponent("patient-7.csv")
        try "Organism,Reads\nBacteroides,120\nPrevotella,30\n".write(to: report, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.csv")
        let result = try MHubRunner.run(["convert", "--formats-dir", folder.path, report.path, "-o", output.path,
                                         "--to", "wide-csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8),
                       "taxon,patient-7,taxonomy\nBacteroides,120,Bacteroides\nPrevotella,30,Prevotella\n")
    }

    func testOrientationOptionAndTaxonomyCompanion() throws {
        let folder = try MHubRunner.scratchDirectory()
        let counts = folder.appendingPathComponent("counts.tsv")
        try "feature\tS1\tS2\nseq1\t10\t0\nseq2\t3\t4\n".write(to: counts, atomically: true, encoding: .utf8)
        let taxonomy = folder.appendingPathComponent("taxonomy.tsv")
        try "Feature ID\tTaxon\nseq1\tk__Bacteria; p__Firmicutes\nseq2\tk__Bacteria; p__Bacteroidetes\n"
            .write(to: taxonomy, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.long.tsv")
        let result = try MHubRunner.run(["convert", counts.path, "--companion", "taxonomy=\(taxonomy.path)",
                                         "-o", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try String(contentsOf: output, encoding: .utf8).contains("S1\tseq1\t10\tphylum\tk__Bacteria; p__Firmicutes"))

        let transposed = folder.appendingPathComponent("out.csv")
        let second = try MHubRunner.run(["convert", counts.path, "-o", transposed.path, "--option", "orientation=samples-as-rows"])
        XCTAssertEqual(second.status, 0, second.stderr)
        // --option orientation=samples-as-rows reads each row as a sample, so the taxa are S1 and S2.
        XCTAssertEqual(try String(contentsOf: transposed, encoding: .utf8), "taxon,seq1,seq2\nS1,10,3\nS2,0,4\n")
    }
}
