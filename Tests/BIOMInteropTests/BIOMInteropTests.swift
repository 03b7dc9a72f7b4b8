import Foundation
import InteropTestSupport
import Testing

/// One table biom-format generated, as the peer's manifest lists it.
struct GeneratedTable: Decodable, CustomTestStringConvertible, Sendable {
    let name: String
    let path: String
    let kind: String
    let type: String?
    var testDescription: String { name }
}

/// Generates the peer's tables once per test run, in a fresh directory.
enum GeneratedTables {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("biom-interop-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static let all: Result<[GeneratedTable], PeerSetupError> = {
        do {
            let outcome = try PeerTools.peer("generate", directory.path)
            guard outcome.status == 0 else { return .failure(PeerSetupError(description: "generate failed: \(outcome.summary)")) }
            return .success(try JSONDecoder().decode([GeneratedTable].self, from: Data(outcome.output.utf8)))
        } catch let error as PeerSetupError {
            return .failure(error)
        } catch {
            return .failure(PeerSetupError(description: "generate failed: \(error)"))
        }
    }()

    static func tables() throws -> [GeneratedTable] { try all.get() }
}

/// Converts biom-format's own tables through `mhub` and checks the results with biom-format:
/// same ids, values and metadata, and `biom validate-table` accepts every file mhub writes.
@Suite("BIOM interop with biom-format", .serialized)
struct BIOMInteropTests {
    private func output(_ table: GeneratedTable, _ suffix: String) -> String {
        GeneratedTables.directory.appendingPathComponent("\(table.name).mhub.\(suffix)").path
    }

    /// Converts `input` to format `target` at `path`, failing the test with mhub's output when it fails.
    private func convert(_ input: String, to path: String, target: String) throws {
        let outcome = try PeerTools.mhub("convert", input, "-o", path, "--to", target)
        try #require(outcome.status == 0, "mhub convert \(input) --to \(target): \(outcome.summary)")
    }

    private func expectSame(_ original: String, _ converted: String, taxonomyOnly: Bool = false) throws {
        let outcome = taxonomyOnly ? try PeerTools.peer("compare", original, converted, "--taxonomy-only")
                                   : try PeerTools.peer("compare", original, converted)
        #expect(outcome.status == 0, "biom-format sees differences between \(original) and \(converted): \(outcome.summary)")
    }

    private func expectValid(_ path: String) throws {
        let outcome = try PeerTools.peer("validate", path)
        #expect(outcome.status == 0, "biom validate-table rejects \(path): \(outcome.summary)")
    }

    @Test("BIOM JSON → HDF5", arguments: try GeneratedTables.tables().filter { $0.kind == "json" })
    func jsonToHDF5(_ table: GeneratedTable) throws {
        let converted = output(table, "biom")
        try convert(table.path, to: converted, target: "biom-hdf5")
        try expectSame(table.path, converted)
        try expectValid(converted)
    }

    @Test("BIOM HDF5 → JSON", arguments: try GeneratedTables.tables().filter { $0.kind == "hdf5" })
    func hdf5ToJSON(_ table: GeneratedTable) throws {
        let converted = output(table, "json.biom")
        try convert(table.path, to: converted, target: "biom-json")
        try expectSame(table.path, converted)
        try expectValid(converted)
    }

    @Test("Invalid or missing table type is replaced and reported",
          arguments: try GeneratedTables.tables().filter { $0.type == nil || $0.type == "Custom table" })
    func repairsTheType(_ table: GeneratedTable) throws {
        let target = table.kind == "json" ? "biom-hdf5" : "biom-json"
        let converted = output(table, "typed.biom")
        let outcome = try PeerTools.mhub("convert", table.path, "-o", converted, "--to", target)
        try #require(outcome.status == 0, "\(outcome.summary)")
        #expect(outcome.errors.contains("table-type"), "no diagnostic about the table type: \(outcome.errors)")
        try expectValid(converted)
    }

    @Test("BIOM → TSV (read by biom-format) and biom-format's TSV → BIOM (read by mhub)",
          arguments: try GeneratedTables.tables().filter { $0.kind == "hdf5" })
    func tsvBothWays(_ table: GeneratedTable) throws {
        let tsv = output(table, "tsv")
        try convert(table.path, to: tsv, target: "biom-tsv")
        let readByBiom = output(table, "from-mhub-tsv.biom")
        let fromTSV = try PeerTools.peer("from-tsv", tsv, readByBiom)
        try #require(fromTSV.status == 0, "biom convert could not read mhub's TSV: \(fromTSV.summary)")
        try expectSame(table.path, readByBiom, taxonomyOnly: true)

        let biomTSV = output(table, "biom-format.tsv")
        let toTSV = try PeerTools.peer("to-tsv", table.path, biomTSV)
        try #require(toTSV.status == 0, "\(toTSV.summary)")
        let back = output(table, "from-biom-tsv.biom")
        try convert(biomTSV, to: back, target: "biom-hdf5")
        try expectSame(table.path, back, taxonomyOnly: true)
        try expectValid(back)
    }

    @Test("Collapse to genus and to phylum agrees with biom-format's Table.collapse",
          arguments: try GeneratedTables.tables().filter { $0.kind == "hdf5" && $0.name != "no-metadata.hdf5" })
    func collapseAgreesWithBiomFormat(_ table: GeneratedTable) throws {
        for (rank, levels) in [("genus", 6), ("phylum", 2)] {
            let collapsed = output(table, "\(rank).biom")
            let outcome = try PeerTools.mhub("convert", table.path, "-o", collapsed, "--to", "biom-hdf5", "--collapse", rank)
            try #require(outcome.status == 0, "mhub convert --collapse \(rank): \(outcome.summary)")
            let compared = try PeerTools.peer("compare-collapse", table.path, collapsed, String(levels))
            #expect(compared.status == 0, "collapse to \(rank) differs from biom-format: \(compared.summary)")
        }
    }
}
