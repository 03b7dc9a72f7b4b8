import Foundation
import Testing

/// BIOM 2.0 HDF5 files, such as biom-format's own `test.biom`, import: converted by mhub, they
/// hold for biom-format the same ids, values and metadata as the original.
@Suite("BIOM 2.0 HDF5 import", .serialized)
struct BIOMVersionInteropTests {
    /// biom-format's `tests/test_data/test.biom` (format-version 2.0), from the installed package.
    private func biomFormatTestTable() throws -> String {
        let outcome = try PeerTools.run(try PeerTools.python(), [
            "-c", "import biom, os; print(os.path.join(os.path.dirname(biom.__file__), 'tests', 'test_data', 'test.biom'))",
        ])
        try #require(outcome.status == 0, "\(outcome.summary)")
        let path = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(FileManager.default.fileExists(atPath: path), "biom-format ships no \(path)")
        return path
    }

    @Test("biom-format's test.biom (BIOM 2.0) converts to BIOM JSON and 2.1 with the same content")
    func biomFormatsOwnTestTable() throws {
        let original = try biomFormatTestTable()
        let inspected = try PeerTools.mhub("inspect", original, "--json")
        try #require(inspected.status == 0, "mhub inspect \(original): \(inspected.summary)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(inspected.output.utf8)) as? [String: Any])
        #expect(summary["format"] as? String == "biom-hdf5")
        #expect((summary["source"] as? [String: String])?["format-version"] == "2.0")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-biom20-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (target, name) in [("biom-json", "test.json.biom"), ("biom-hdf5", "test.h5.biom")] {
            let converted = folder.appendingPathComponent(name).path
            let outcome = try PeerTools.mhub("convert", original, "-o", converted, "--to", target)
            try #require(outcome.status == 0, "mhub convert --to \(target): \(outcome.summary)")
            let same = try PeerTools.peer("compare", original, converted)
            #expect(same.status == 0, "biom-format sees differences: \(same.summary)")
            let valid = try PeerTools.peer("validate", converted)
            #expect(valid.status == 0, "biom validate-table: \(valid.summary)")
        }
    }
}
