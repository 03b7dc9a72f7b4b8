import Foundation
import FormatKit
import ProfileModel
import TabularFormats
import XCTest

/// Tables written by the Python biom-format package (`Table.to_tsv`) import with identical
/// ids, values and taxonomy, and biom-format reads the tables the hub writes.
///
/// The interpreter comes from `MHUB_PEER_PYTHON`, else `.venv-peers/bin/python` under the
/// package root (created by `scripts/setup-peers`).
final class BIOMInteropTests: XCTestCase {
    private func peerPython() throws -> String {
        if let path = ProcessInfo.processInfo.environment["MHUB_PEER_PYTHON"], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw PeerError.missing("MHUB_PEER_PYTHON is set to \(path), which is not an executable")
            }
            return path
        }
        let venv = TableTestSupport.packageRoot.appendingPathComponent(".venv-peers/bin/python").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        throw PeerError.missing(
            "no Python with biom-format: set MHUB_PEER_PYTHON to an interpreter that has it, or run scripts/setup-peers to create .venv-peers/")
    }

    private enum PeerError: Error, CustomStringConvertible {
        case missing(String)
        case failed(String)
        var description: String {
            switch self {
            case .missing(let message), .failed(let message): message
            }
        }
    }

    /// Runs `script` with the peer interpreter and returns its standard output.
    private func runPython(_ script: String, arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try peerPython())
        process.arguments = ["-c", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PeerError.failed("python failed: \(String(decoding: message, as: UTF8.self))")
        }
        return data
    }

    private struct Expected: Decodable {
        var observations: [String]
        var samples: [String]
        var data: [[Double]]
        var taxonomy: [[String]]
    }

    private let writeScript = """
    import json, sys
    import numpy as np
    from biom.table import Table
    observations = ["295053", "OTU 2", "New.ReferenceOTU9", "None11"]
    samples = ["f2", "p.1", "t_1"]
    data = np.array([[20.0, 0.0, 3.5], [0.0, 1e-05, 0.0], [7.0, 2.0, 0.0], [0.0, 0.0, 123456789.0]])
    taxonomy = [["k__Bacteria", "p__Firmicutes", "c__Clostridia", "o__", "f__", "g__", "s__"],
                ["k__Bacteria", "p__Bacteroidetes"],
                ["k__Archaea", "p__Euryarchaeota", "c__Methanobacteria"],
                ["Unassigned"]]
    table = Table(data, observations, samples, [{"taxonomy": t} for t in taxonomy])
    # The Python API writes the list as str(list); `biom convert --to-tsv` joins it with "; ".
    formatter = (lambda items: "; ".join(items)) if sys.argv[2] == "joined" else str
    with open(sys.argv[1], "w") as handle:
        handle.write(table.to_tsv(header_key="taxonomy", header_value="taxonomy", metadata_formatter=formatter))
    json.dump({"observations": observations, "samples": samples, "data": data.tolist(), "taxonomy": taxonomy}, sys.stdout)
    """

    func testTableWrittenByBiomFormatImportsIdentically() throws {
        try checkBiomWrittenTable(taxonomyStyle: "list")
    }

    func testTableWrittenLikeBiomConvertImportsIdentically() throws {
        try checkBiomWrittenTable(taxonomyStyle: "joined")
    }

    private func checkBiomWrittenTable(taxonomyStyle: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-biom-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        let expected = try JSONDecoder().decode(Expected.self, from: runPython(writeScript, arguments: [url.path, taxonomyStyle]))

        let input = ImportInput(url: url, name: "biom-written.txt")
        let registry = try FormatRegistry([BIOMTSVFormat(), WideTSVFormat(), LongTSVFormat()])
        XCTAssertEqual(try registry.resolveImporter(for: input, id: nil).format.id, "biom-tsv")
        let table = try BIOMTSVFormat().read(input, options: ImportOptions())

        XCTAssertEqual(table.samples.map(\.id), expected.samples)
        XCTAssertEqual(table.taxa.map(\.id), expected.observations)
        for (row, values) in expected.data.enumerated() {
            for (column, value) in values.enumerated() {
                XCTAssertEqual(table.value(sample: column, taxon: row), value, "\(expected.observations[row]) in \(expected.samples[column])")
            }
        }
        for (index, taxon) in table.taxa.enumerated() {
            XCTAssertEqual(LineageFormatter.prefixedTokens(taxon.lineage), expected.taxonomy[index], taxon.id)
        }
        XCTAssertEqual(table.taxa[0].lineage.entries.count, 7)
        XCTAssertEqual(table.taxa[0].lineage.name(at: .class), "Clostridia")
    }

    func testBiomFormatReadsWhatTheHubWrites() throws {
        let text = "taxon\tS1\tS2\ttaxonomy\nOTU_1\t12\t0\tk__Bacteria; p__Firmicutes\nOTU_2\t0.5\t3\tk__Bacteria; p__Bacteroidetes\n"
        let table = try TableTestSupport.read(text, name: "w.tsv", with: WideTSVFormat())
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-out-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try TableTestSupport.write(table, with: BIOMTSVFormat()).write(to: url, atomically: true, encoding: .utf8)
        let script = """
        import json, sys
        from biom.table import Table
        with open(sys.argv[1]) as handle:
            table = Table.from_tsv(handle, None, None, lambda value: value.split("; "))
        json.dump({"observations": list(table.ids(axis="observation")), "samples": list(table.ids()),
                   "data": table.matrix_data.toarray().tolist(),
                   "taxonomy": [m["taxonomy"] for m in table.metadata(axis="observation")]}, sys.stdout)
        """
        let read = try JSONDecoder().decode(Expected.self, from: runPython(script, arguments: [url.path]))
        XCTAssertEqual(read.observations, ["OTU_1", "OTU_2"])
        XCTAssertEqual(read.samples, ["S1", "S2"])
        XCTAssertEqual(read.data, [[12, 0], [0.5, 3]])
        XCTAssertEqual(read.taxonomy, [["k__Bacteria", "p__Firmicutes"], ["k__Bacteria", "p__Bacteroidetes"]])
    }
}
