import Foundation

/// Paths of the test fixtures (see `Fixtures/README.md` for where each comes from).
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let taxdump = folder.appendingPathComponent("taxdump").path
    static let gtdbTaxonomy = folder.appendingPathComponent("gtdb/metaphlan-sgb2gtdb-r207-head.tsv").path
    static let gtdbTkSummary = folder.appendingPathComponent("gtdb/gtdbtk.bac120.summary.TRUNCATED.tsv")

    /// A new empty folder for files a test writes.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-taxonomy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a taxdump made of the given lines (already in `.dmp` layout) into a new folder.
    static func writeTaxdump(nodes: [String], names: [String], merged: [String] = [], deleted: [String] = []) throws -> String {
        let folder = try scratch()
        for (file, lines) in [("nodes.dmp", nodes), ("names.dmp", names), ("merged.dmp", merged), ("delnodes.dmp", deleted)] {
            try (lines.map { $0 + "\n" }.joined()).write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    /// A nodes.dmp line in the classic 13-column layout.
    static func node(_ id: Int, _ parent: Int, _ rank: String) -> String {
        "\(id)\t|\t\(parent)\t|\t\(rank)\t|\tXX\t|\t0\t|\t1\t|\t11\t|\t1\t|\t0\t|\t1\t|\t1\t|\t0\t|\t\t|"
    }

    /// A names.dmp line.
    static func name(_ id: Int, _ text: String, _ nameClass: String = "scientific name", unique: String = "") -> String {
        "\(id)\t|\t\(text)\t|\t\(unique)\t|\t\(nameClass)\t|"
    }
}
