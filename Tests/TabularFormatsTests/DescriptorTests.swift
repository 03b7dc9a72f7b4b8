import BuiltInFormats
import FormatDescriptors
import Foundation
import FormatKit
import ProfileModel
import XCTest

/// The descriptor language: built-ins, user folders, and error reporting.
final class DescriptorTests: XCTestCase {
    private var temporaryDirectories: [URL] = []

    override func tearDown() {
        for url in temporaryDirectories { try? FileManager.default.removeItem(at: url) }
        super.tearDown()
    }

    private func makeDirectory(files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        temporaryDirectories.append(url)
        return url
    }

    /// The embedded copy must equal `Formats/descriptors/` byte for byte; run `scripts/embed-descriptors` after editing.
    func testEmbeddedDescriptorsMatchTheFolder() throws {
        let folder = TableTestSupport.packageRoot.appendingPathComponent("Formats/descriptors")
        var onDisk: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard ["yaml", "yml"].contains(url.pathExtension) else { continue }
            let relative = String(url.path.dropFirst(folder.path.count + 1))
            onDisk[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        let embedded = Dictionary(uniqueKeysWithValues: DescriptorCatalog.builtInFiles.map { ($0.path, $0.text) })
        XCTAssertEqual(Set(embedded.keys), Set(onDisk.keys), "run scripts/embed-descriptors")
        for (path, text) in onDisk {
            XCTAssertEqual(embedded[path], text, "\(path) differs from its embedded copy; run scripts/embed-descriptors")
        }
    }

    func testEveryBuiltInDescriptorLoadsAndRegisters() throws {
        let (descriptors, errors) = DescriptorCatalog.builtIn()
        XCTAssertEqual(errors, [])
        XCTAssertEqual(Set(descriptors.map(\.id)), ["bracken-abundance", "kaiju-table", "sourmash-gather", "kmcp-profile",
                                                   "ganon-report", "mgnify-study-summary", "qiime1-taxa-summary", "ubiome-csv",
                                                   "ubiome-json"])
        let registry = try BuiltInFormats.registry()
        XCTAssertEqual(registry.plugin(id: "ubiome-csv")?.format.kind, .descriptor)
        XCTAssertTrue(descriptors.allSatisfy { $0.detection.hasRules })
    }

    func testBrokenDescriptorReportsEveryProblemWithItsPosition() {
        let text = """
        descriptor: 1
        id: Bad_ID
        name: Broken
        colour: blue
        dialect:
          delimiter: tabs
        sample:
          column: file
          file_name: true
        columns:
          taxon_name: name
          rank: [a, b]
        detect:
          line_matches:
            pattern: '(unclosed'

        """
        do {
            _ = try DescriptorLoader.load(Array(text.utf8), file: "broken.yaml")
            XCTFail("expected problems")
        } catch {
            guard case .invalid(let file, let problems) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "broken.yaml")
            let positions = problems.map { "\($0.line ?? 0):\($0.column ?? 0)" }
            XCTAssertEqual(positions, ["4:1", "2:5", "6:14", "8:3", "12:9", "15:14", "11:3"], error.description)
            XCTAssertTrue(problems.contains { $0.message.contains("unknown key 'colour'") })
            XCTAssertTrue(problems.contains { $0.message.contains("'tabs' is not one of") })
            XCTAssertTrue(problems.contains { $0.message.contains("exactly one of") })
            XCTAssertTrue(problems.contains { $0.message.contains("not a valid regular expression") })
            XCTAssertTrue(problems.contains { $0.message.contains("columns.abundance is required") })
            XCTAssertTrue(error.description.contains("broken.yaml:6:14: error [descriptor.invalid]"))
        }
    }

    func testYAMLSyntaxErrorCarriesItsPosition() {
        do {
            _ = try DescriptorLoader.load(Array("id: x\nname: [unclosed\n".utf8), file: "syntax.yaml")
            XCTFail("expected an error")
        } catch {
            guard case .invalid(_, let problems) = error, let problem = problems.first else { return XCTFail("\(error)") }
            XCTAssertEqual(problem.file, "syntax.yaml")
            XCTAssertNotNil(problem.line)
            XCTAssertTrue(problem.message.contains("yaml.syntax"))
        }
    }

    func testAliasBombInADescriptorIsRefused() {
        var text = "a0: &a0 [x]\n"
        for level in 1...8 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",") + "]\n" }
        do {
            _ = try DescriptorLoader.load(Array(text.utf8), file: "bomb.yaml")
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue(error.description.contains("yaml.limit-exceeded"), error.description)
        }
    }

    /// A lab report with a key-value block above the table, described in a user folder.
    func testFormatsDirectoryDescriptorReadsAKeyValueBlock() throws {
        let descriptor = """
        descriptor: 1
        id: example-lab-gut-report
        name: Example Lab gut report
        tool: example-lab
        dialect:
          delimiter: semicolon
          decimal: comma
        header:
          find: [Taxon, Rank, Relative abundance (%)]
        preamble:
          separator: ":"
          metadata:
            Collection date: collection-date
            Laboratory: lab
        sample:
          preamble: Sample ID
        columns:
          taxon_name: Taxon
          rank: Rank
          abundance: Relative abundance (%)
        unit: percent
        structure: clade-cumulative
        detect:
          line_matches:
            pattern: '^Example Lab'
            within_lines: 2
          header: [Taxon, Rank, Relative abundance (%)]

        """
        let directory = try makeDirectory(files: ["example-lab.yaml": descriptor])
        let registry = try BuiltInFormats.registry(RegistryOptions(formatsDirectories: [directory.path]))
        let report = """
        Example Lab — Gut Microbiome Report
        Sample ID: EL-2024-0042
        Collection date: 2024-03-01
        Laboratory: Example Lab Berlin

        Taxon;Rank;Relative abundance (%)
        Bacteroidetes;phylum;55,5
        Firmicutes;phylum;44,5

        """
        let input = try ImportInput.bytes(Array(report.utf8), name: "report.csv")
        let importer = try registry.resolveImporter(for: input, id: nil)
        XCTAssertEqual(importer.format.id, "example-lab-gut-report")
        let table = try importer.read(input, options: ImportOptions())
        XCTAssertEqual(table.samples, [Sample(id: "EL-2024-0042",
                                              metadata: ["collection-date": .date("2024-03-01"), "lab": .string("Example Lab Berlin")])])
        XCTAssertEqual(table.value(sample: 0, taxon: 0), 55.5)
        XCTAssertEqual(table.taxa[1].lineage, Lineage([(.phylum, "Firmicutes")]))
        XCTAssertEqual(table.unit, .percent)
        XCTAssertEqual(table.provenance.source[.pipeline], "example-lab")
    }

    func testBrokenUserDescriptorFailsTheRegistryWithEveryFile() throws {
        let directory = try makeDirectory(files: ["a.yaml": "descriptor: 1\nid: a\n", "b.yml": "descriptor: 2\n"])
        do {
            _ = try BuiltInFormats.registry(RegistryOptions(formatsDirectories: [directory.path]))
            XCTFail("expected an error")
        } catch {
            guard case .brokenDescriptors(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(problems.contains { $0.hasPrefix("\(directory.path)/a.yaml:1:1: error [descriptor.invalid]: required key 'name' is missing") },
                          "\(problems)")
            XCTAssertTrue(problems.contains { $0.hasPrefix("\(directory.path)/b.yml:1:13: error [descriptor.invalid]: descriptor must be between 1 and 1, not 2") },
                          "\(problems)")
            XCTAssertTrue(problems.allSatisfy { !$0.contains("\n") }, "every problem is one line")
        }
    }

    func testUserDescriptorCannotReuseABuiltInID() throws {
        let text = try XCTUnwrap(DescriptorCatalog.builtInFiles.first { $0.path.hasPrefix("kaiju/") }?.text)
        let directory = try makeDirectory(files: ["kaiju-copy.yaml": text])
        XCTAssertThrowsError(try BuiltInFormats.registry(RegistryOptions(formatsDirectories: [directory.path]))) { error in
            // A taken id is the descriptor's problem, located at its id line.
            guard case .brokenDescriptors(let problems) = error as? RegistryError else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.count, 1)
            XCTAssertTrue(problems[0].hasPrefix("\(directory.path)/kaiju-copy.yaml:"), problems[0])
            XCTAssertTrue(problems[0].contains("id 'kaiju-table' is already taken by the descriptor builtin:kaiju/"), problems[0])
        }
    }
}
