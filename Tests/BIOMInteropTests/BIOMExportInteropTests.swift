import Foundation
import Testing

/// What a BIOM file mhub writes says about itself, checked with biom-format (`load_table`,
/// `biom validate-table`) and h5py: mhub as the generator, a table type that fits the content,
/// and the unit and provenance as table-level entries, which come back on import.
@Suite("BIOM export names its writer, type, unit and provenance", .serialized)
struct BIOMExportInteropTests {
    static let profile = PeerTools.packageRoot.appendingPathComponent("Conformance/metaphlan-profile/valid-taxpasta-metaphlan3-simple.tsv").path
    static let otuTable = PeerTools.packageRoot.appendingPathComponent("Conformance/mothur-shared/valid-galaxy-amazon-an.shared").path

    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-biom-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func view(_ command: String, _ path: String) throws -> ClientView {
        let outcome = try PeerTools.run(try PeerTools.python(), [OutputInteropTests.peerScript, command, path])
        try #require(outcome.status == 0, "\(command) \(path): \(outcome.summary)")
        return try JSONDecoder().decode(ClientView.self, from: Data(outcome.output.utf8))
    }

    private func version() throws -> String {
        try PeerTools.mhub("--version").output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("A MetaPhlAn profile as BIOM: Taxon table by mhub, its unit and steps as table entries, read back", arguments: ["biom-json", "biom-hdf5"])
    func profileAsBIOM(_ target: String) throws {
        let folder = try scratch()
        let biom = folder.appendingPathComponent("profile.biom").path
        let converted = try PeerTools.mhub("convert", Self.profile, "-o", biom, "--to", target)
        try #require(converted.status == 0, "\(converted.summary)")
        #expect(!converted.errors.contains("cannot carry unit"), "\(converted.errors)")
        #expect(!converted.errors.contains("provenance.steps"), "\(converted.errors)")

        let table = try view("biom", biom)
        #expect(table.type == "Taxon table")
        #expect(table.generatedBy == "mhub \(try version())")
        let validated = try PeerTools.peer("validate", biom)
        #expect(validated.status == 0, "biom validate-table: \(validated.summary)")

        let attributes = try #require(try view("biom-attributes", biom).attributes)
        #expect(attributes["unit"] == "percent")
        let steps = try #require(attributes["provenance-steps"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(steps.utf8)) as? [[String: Any]])
        #expect(decoded.first?["format"] as? String == "metaphlan-profile")

        // mhub reads the unit and the steps back: no inference, no lost history.
        let back = folder.appendingPathComponent("back.profile.json").path
        let reimported = try PeerTools.mhub("convert", biom, "-o", back)
        try #require(reimported.status == 0, "\(reimported.summary)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: back))) as? [String: Any])
        #expect(document["unit"] as? String == "percent")
        let provenance = try #require(document["provenance"] as? [String: Any])
        let history = try #require(provenance["steps"] as? [[String: Any]]).compactMap { $0["format"] as? String }
        #expect(history.first == "metaphlan-profile" && history.contains(target), "\(history)")
        #expect((provenance["source"] as? [String: String])?["unit"] == nil)
    }

    @Test("An OTU table from another format is an OTU table, and BIOM → BIOM passes --strict")
    func otuTableAsBIOM() throws {
        let folder = try scratch()
        let biom = folder.appendingPathComponent("otus.biom").path
        let converted = try PeerTools.mhub("convert", Self.otuTable, "-o", biom, "--to", "biom-hdf5")
        try #require(converted.status == 0, "\(converted.summary)")
        let table = try view("biom", biom)
        #expect(table.type == "OTU table")
        #expect(table.generatedBy == "mhub \(try version())")
        let again = folder.appendingPathComponent("again.biom").path
        let strict = try PeerTools.mhub("convert", biom, "-o", again, "--to", "biom-json", "--strict")
        #expect(strict.status == 0, "\(strict.summary)")
        let validated = try PeerTools.peer("validate", again)
        #expect(validated.status == 0, "biom validate-table: \(validated.summary)")
    }
}
