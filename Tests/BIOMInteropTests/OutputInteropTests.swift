import Foundation
import Testing

/// What a client saw in a file mhub wrote (`Peer/output_peer.py` prints it).
struct ClientView: Decodable {
    let client: String
    let samples: [String]
    let observations: [String]
    let total: Double?
    let columns: [String]?
    let type: String?
    let generatedBy: String?
    let taxonomy: [[String]]?
    let format: String?
    let attributes: [String: String]?

    enum CodingKeys: String, CodingKey {
        case client, samples, observations, total, columns, type, taxonomy, format, attributes
        case generatedBy = "generated_by"
    }
}

/// Outputs as the next tool reads them: gzip by name, the default wide TSV through `biom convert`
/// and pandas, for `convert` and `merge`, checked with the real clients.
@Suite("Outputs the next tool accepts", .serialized)
struct OutputInteropTests {
    static let peerScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Peer/output_peer.py").path
    /// A QIIME-style OTU table with a taxonomy per observation.
    static let input = PeerTools.packageRoot.appendingPathComponent("Conformance/biom-json/valid-rich-sparse-otu-table.biom").path
    static let golden = PeerTools.packageRoot.appendingPathComponent("Conformance/biom-json/valid-rich-sparse-otu-table.profile.json")

    /// The golden profile's sample ids, taxon ids and the sum of its values: what every client must see.
    struct Expected {
        var samples: [String]
        var observations: [String]
        var total: Double
    }

    static func expected() throws -> Expected {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: golden)) as? [String: Any])
        let samples = try #require(document["samples"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        let taxa = try #require(document["taxa"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        let abundances = try #require(document["values"] as? [String: [[Double]]])
        let total = abundances.values.joined().reduce(0) { $0 + $1[1] }
        return Expected(samples: samples, observations: taxa, total: total)
    }

    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func mhub(_ arguments: String...) throws {
        let outcome = try PeerTools.run(try PeerTools.mhub(), arguments)
        try #require(outcome.status == 0, "mhub \(arguments.joined(separator: " ")): \(outcome.summary)")
    }

    private func view(_ command: String, _ paths: String...) throws -> ClientView {
        let outcome = try PeerTools.run(try PeerTools.python(), [Self.peerScript, command] + paths)
        try #require(outcome.status == 0, "\(command) \(paths): \(outcome.summary)")
        return try JSONDecoder().decode(ClientView.self, from: Data(outcome.output.utf8))
    }

    private func isGzip(_ path: String) throws -> Bool {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)).prefix(2))
        return bytes == [0x1F, 0x8B]
    }

    private func expectSame(_ seen: ClientView, _ expected: Expected) {
        #expect(seen.samples == expected.samples, "\(seen.client)")
        #expect(Set(seen.observations) == Set(expected.observations), "\(seen.client)")
        if let total = seen.total { #expect(abs(total - expected.total) < 1e-9 * max(1, expected.total), "\(seen.client)") }
    }

    @Test("convert -o out.tsv.gz, out.biom.gz and out.profile.json.gz write gzip that pandas, biom-format and json read")
    func convertWritesGzipByName() throws {
        let folder = try scratch(), expected = try Self.expected()
        let tsv = folder.appendingPathComponent("out.tsv.gz").path
        let biom = folder.appendingPathComponent("out.biom.gz").path
        let profile = folder.appendingPathComponent("out.profile.json.gz").path
        for path in [tsv, biom, profile] { try mhub("convert", Self.input, "-o", path) }
        for path in [tsv, biom, profile] { #expect(try isGzip(path), "\(path) is not gzip") }
        expectSame(try view("pandas-tsv", tsv), expected)
        let table = try view("biom", biom)
        expectSame(table, expected)
        #expect(table.taxonomy?.count == expected.observations.count)
        let document = try view("profile-json", profile)
        #expect(document.format == "mhub-profile")
        expectSame(document, expected)
        // The hub reads its own gzipped outputs back.
        try mhub("convert", profile, "-o", folder.appendingPathComponent("back.biom.gz").path)
        expectSame(try view("biom", folder.appendingPathComponent("back.biom.gz").path), expected)
        #expect(try MHubListing.names(folder).allSatisfy { !$0.hasPrefix(".") }, "a temporary file was left")
    }

    @Test("merge writes gzip by name too")
    func mergeWritesGzipByName() throws {
        let folder = try scratch(), expected = try Self.expected()
        let tsv = folder.appendingPathComponent("cohort.tsv.gz").path
        let biom = folder.appendingPathComponent("cohort.biom.gz").path
        for path in [tsv, biom] { try mhub("merge", Self.input, "-o", path) }
        expectSame(try view("pandas-tsv", tsv), expected)
        expectSame(try view("biom", biom), expected)
    }

    @Test("A gzipped binary format is refused as a usage error, and nothing is written")
    func gzippedHDF5IsRefused() throws {
        let folder = try scratch()
        let outcome = try PeerTools.mhub("convert", Self.input, "-o", folder.appendingPathComponent("out.biom.gz").path,
                                         "--to", "biom-hdf5")
        #expect(outcome.status == 2, "\(outcome.summary)")
        #expect(outcome.errors.contains("binary"), "\(outcome.errors)")
        #expect(try MHubListing.names(folder).isEmpty)
    }

    @Test("The default wide TSV is the classic OTU table: biom convert, pandas and mhub itself read it")
    func defaultWideTSVLoadsInBiomConvert() throws {
        let folder = try scratch(), expected = try Self.expected()
        let tsv = folder.appendingPathComponent("out.tsv").path
        try mhub("convert", Self.input, "-o", tsv)
        let header = try #require(try String(contentsOfFile: tsv, encoding: .utf8).split(separator: "\n").first)
        #expect(header == (["#OTU ID"] + expected.samples + ["taxonomy"]).joined(separator: "\t"))

        let converted = try view("biom-convert", tsv, folder.appendingPathComponent("x.biom").path)
        expectSame(converted, expected)
        let pandas = try view("pandas-tsv", tsv)
        expectSame(pandas, expected)
        #expect(pandas.columns?.last == "taxonomy")

        // The labels (here the source's lineage strings) come only on request, as an extra column.
        let annotated = folder.appendingPathComponent("annotated.tsv").path
        try mhub("convert", Self.input, "-o", annotated, "--export-option", "annotations=all")
        let annotatedHeader = try String(contentsOfFile: annotated, encoding: .utf8).split(separator: "\n").first
        #expect(annotatedHeader.map(String.init) == (["#OTU ID"] + expected.samples + ["label", "taxonomy"]).joined(separator: "\t"))

        // Our own import reads the classic layout back, detected and by name.
        for arguments in [[tsv], [tsv, "--from", "wide-tsv"]] {
            let back = folder.appendingPathComponent("back-\(arguments.count).profile.json").path
            let outcome = try PeerTools.run(try PeerTools.mhub(), ["convert"] + arguments + ["-o", back])
            try #require(outcome.status == 0, "\(outcome.summary)")
            expectSame(try view("profile-json", back), expected)
        }
    }
}

/// A directory's entries, to prove that no output or temporary file was left.
enum MHubListing {
    static func names(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }
}
