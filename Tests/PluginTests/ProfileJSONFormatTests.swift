import FormatKit
import Foundation
import ProfileFormats
import ProfileModel
import StreamingJSON
import XCTest

final class ProfileJSONFormatTests: XCTestCase {
    private let plugin = ProfileJSONFormat()
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let cases = packageRoot.appendingPathComponent("Conformance/mhub-json")

    // MARK: - Helpers

    private func export(_ table: ProfileTable) throws -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        var sink = try OutputSink(fileURL: url)
        try plugin.write(table, to: &sink, options: ExportOptions())
        try sink.flush()
        return Array(try Data(contentsOf: url))
    }

    private func importBytes(_ bytes: [UInt8], name: String = "test.profile.json",
                             options: ImportOptions = ImportOptions()) throws(ImportError) -> ProfileTable {
        try plugin.read(try ImportInput.bytes(bytes, name: name), options: options)
    }

    private func importText(_ text: String) throws(ImportError) -> ProfileTable {
        try importBytes(Array(text.utf8))
    }

    /// A table that uses every part of the model.
    private func richTable() throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .other("TPM"), structure: .cladeCumulative, provenance: Provenance(
            source: SourceFacts([.lab: "Example Lab", .sourceFormat: "metaphlan4", .attribute("generated-by"): "x 1.0"]),
            steps: [ProvenanceStep(action: .import, format: "metaphlan4", parameters: ["file": "s1.txt", "db": "vJan21"]),
                    ProvenanceStep(action: .convertUnit), ProvenanceStep(action: .custom("external-step"))]))
        let metadata: [String: MetadataValue] = [
            "text": .string("stool \"A\"\n"), "count": .integer(5), "ratio": .number(5), "negative zero": .number(-0.0),
            "small": .number(1e-300), "nan": .number(.nan), "inf": .number(-.infinity), "day": .date("2016-07-29"),
            "flag": .bool(false), "none": .null, "list": .list([.integer(1), .number(1), .date("2020-01-01"), .list([])]),
            "object": .object(["date": .string("not a date"), "inner": .object(["x": .integer(Int64.min)])]),
        ]
        try builder.addSample(Sample(id: "S-é", metadata: metadata))
        try builder.addSample(Sample(id: "S-empty", source: SourceFacts([.lab: "Other Lab", .pipelineVersion: "4.1"])))
        try builder.addSample(Sample(id: "A 😀"))
        try builder.addTaxon(Taxon(id: "k__Bacteria", label: "k__Bacteria",
                                   lineage: Lineage([LineageEntry(rank: .kingdom, name: "Bacteria", id: "2")])!,
                                   taxonID: TaxonID(system: "ncbi", value: "2", release: "2024-03-01"),
                                   origins: [TaxonOrigin(label: "k__Bacteria", input: "a.txt"), TaxonOrigin(label: "Bacteria")]))
        try builder.addTaxon(Taxon(id: "k__Bacteria|g__X", label: "k__Bacteria|g__X",
                                   lineage: Lineage([(.kingdom, "Bacteria"), (.unranked, "clade"), (.genus, "X"), (.species, "")])!,
                                   metadata: ["confidence": .number(0.75), "tags": .list([.string("a")])]))
        try builder.addTaxon(Taxon(id: "plain", label: ""))
        try builder.setValue(100, sample: 0, taxon: 0)
        try builder.setValue(33.3, sample: 0, taxon: 1)
        try builder.setValue(1e-9, sample: 2, taxon: 2)
        try builder.setValue(12_345_678_901, sample: 2, taxon: 0)
        builder.addDiagnostic(Diagnostic(code: "taxonomy.unknown-rank", message: "rank 'clade'", taxon: "k__Bacteria|g__X",
                                         location: "s1.txt:4"))
        builder.addDiagnostic(Diagnostic(code: "abundance.sum-over-100", severity: .info, message: "sums to 133.3", sample: "S-é"))
        return try builder.build()
    }

    // MARK: - Round trips

    func testExportImportExportGivesIdenticalBytes() throws {
        let table = try richTable()
        let first = try export(table)
        let reread = try importBytes(first)
        XCTAssertEqual(try export(reread), first)
        XCTAssertEqual(reread.samples.map(\.id), table.samples.map(\.id))
        XCTAssertEqual(reread.taxa, table.taxa)
        XCTAssertEqual(reread.abundances, table.abundances)
        XCTAssertEqual(reread.unit, .other("TPM"))
        XCTAssertEqual(reread.structure, .cladeCumulative)
        XCTAssertEqual(reread.provenance, table.provenance)
        XCTAssertEqual(reread.diagnostics, table.diagnostics)
    }

    func testEveryMetadataTypeKeepsItsType() throws {
        let table = try importBytes(try export(try richTable()))
        let metadata = table.samples[0].metadata
        XCTAssertEqual(metadata["text"], .string("stool \"A\"\n"))
        XCTAssertEqual(metadata["count"], .integer(5))
        XCTAssertEqual(metadata["ratio"], .number(5))
        guard case .number(let negativeZero)? = metadata["negative zero"], case .number(let nan)? = metadata["nan"] else {
            return XCTFail("numbers lost their type: \(metadata)")
        }
        XCTAssertEqual(negativeZero.sign, .minus)
        XCTAssertTrue(nan.isNaN)
        XCTAssertEqual(metadata["small"], .number(1e-300))
        XCTAssertEqual(metadata["inf"], .number(-.infinity))
        XCTAssertEqual(metadata["day"], .date("2016-07-29"))
        XCTAssertEqual(metadata["flag"], .bool(false))
        XCTAssertEqual(metadata["none"], .null)
        XCTAssertEqual(metadata["list"], .list([.integer(1), .number(1), .date("2020-01-01"), .list([])]))
        XCTAssertEqual(metadata["object"], .object(["date": .string("not a date"), "inner": .object(["x": .integer(Int64.min)])]))
        XCTAssertEqual(metadata.count, 12)
    }

    func testMetadataIsWrittenUnambiguously() throws {
        let text = String(decoding: try export(try richTable()), as: UTF8.self)
        for fragment in [#""count":5"#, #""ratio":5.0"#, #""negative zero":-0.0"#, #""nan":{"number":"NaN"}"#,
                         #""inf":{"number":"-Infinity"}"#, #""day":{"date":"2016-07-29"}"#,
                         #""object":{"object":{"date":"not a date","inner":{"object":{"x":-9223372036854775808}}}}"#,
                         #""list":[1,1.0,{"date":"2020-01-01"},[]]"#] {
            XCTAssertTrue(text.contains(fragment), fragment)
        }
    }

    func testGoldensAreStableUnderReimport() throws {
        let goldens = try FileManager.default.contentsOfDirectory(atPath: Self.cases.path).filter { $0.hasSuffix(".profile.json") }
        XCTAssertGreaterThanOrEqual(goldens.count, 6)
        for name in goldens {
            let bytes = Array(try Data(contentsOf: Self.cases.appendingPathComponent(name)))
            XCTAssertEqual(try export(try importBytes(bytes, name: name)), bytes, name)
        }
    }

    func testKeysAreSortedAtEveryLevelAndEachRecordIsOneLine() throws {
        let bytes = try export(try richTable())
        var reader = JSONReader(stream: MemoryByteStream(bytes))
        var keysByDepth: [[String]] = []
        while true {
            let token = try reader.next()
            switch token {
            case .beginObject: keysByDepth.append([])
            case .endObject:
                let keys = keysByDepth.removeLast()
                XCTAssertEqual(keys, JSONWriter.sortedKeys(keys))
            case .key(let key): keysByDepth[keysByDepth.count - 1].append(key)
            case .endOfInput: break
            default: continue
            }
            if token == .endOfInput { break }
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("    {\"id\":\"") }.count, 6, "three samples and three taxa, one per line")
        XCTAssertEqual(lines.first, "{")
        XCTAssertEqual(lines[1], #"  "format": "mhub-profile","#)
        XCTAssertEqual(lines[2], #"  "format_version": 2,"#)
    }

    func testKeyOrderAndLayoutOfTheInputDoNotMatter() throws {
        let folder = Self.cases
        let reordered = try plugin.read(ImportInput(url: folder.appendingPathComponent("valid-values-first.json")), options: ImportOptions())
        let golden = try plugin.read(ImportInput(url: folder.appendingPathComponent("valid-values-first.profile.json")),
                                     options: ImportOptions())
        // The golden was recorded through the import session, which adds the import step and source facts.
        XCTAssertEqual(reordered.samples, golden.samples)
        XCTAssertEqual(reordered.taxa, golden.taxa)
        XCTAssertEqual(reordered.abundances, golden.abundances)
        XCTAssertEqual(reordered.value(sample: 1, taxon: 2), 120)
        XCTAssertEqual(reordered.abundances.nonZeroCount, 4, "the explicit zero is not stored")
    }

    // MARK: - Inputs

    func testGzipBOMUTF16AndCRLFInputsGiveTheSameTable() throws {
        let bytes = try export(try richTable())
        let expected = try importBytes(bytes)
        let crlf = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let utf16: [UInt8] = [0xFF, 0xFE] + String(decoding: bytes, as: UTF8.self).utf16.flatMap { unit -> [UInt8] in
            [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let variants: [(String, [UInt8])] = [("bom", [0xEF, 0xBB, 0xBF] + bytes), ("crlf", crlf), ("utf16", utf16), ("gzip", try XCTUnwrap(GzipCompression.compress(bytes)))]
        for (variant, data) in variants {
            let table = try importBytes(data, name: "variant-\(variant).json")
            XCTAssertEqual(try export(table), try export(expected), variant)
        }
    }

    func testForcedUnitOverridesTheDeclaredOne() throws {
        let table = try importBytes(try export(try richTable()), options: ImportOptions(unit: .percent))
        XCTAssertEqual(table.unit, .percent)
    }

    // MARK: - Detection

    func testDetectionFindsTheMarkerAndLeavesBIOMAlone() throws {
        func prefix(_ text: String, name: String) -> InputPrefix {
            InputPrefix(fileName: name, bytes: Array(text.utf8), text: text, isComplete: true)
        }
        XCTAssertEqual(plugin.detect(prefix(" \n{\n  \"format\": \"mhub-profile\",\n", name: "x.json")).confidence, 1)
        XCTAssertEqual(plugin.detect(prefix(#"{"format":"Biological Observation Matrix 1.0.0","id":null}"#, name: "t.biom")), .noMatch)
        XCTAssertEqual(plugin.detect(prefix(#"{"id": "\"format\": \"mhub-profile\""}"#, name: "t.json")), .noMatch)
        XCTAssertEqual(plugin.detect(prefix(#"{"values": {}}"#, name: "t.profile.json")).confidence, 0.1)
        XCTAssertEqual(plugin.detect(prefix("#OTU ID\tS1\n", name: "t.json")), .noMatch)

        let registry = try FormatRegistry([plugin])
        let input = try ImportInput.bytes(try export(try richTable()), name: "exported.json")
        XCTAssertEqual(try registry.resolveImporter(for: input, id: nil).format.id, "mhub-json")
        XCTAssertEqual(try registry.resolveExporter(forOutput: "out.profile.json", id: nil).format.id, "mhub-json")
    }

    // MARK: - Errors

    /// A small valid profile with one placeholder for the part each error case changes.
    private func document(values: String = #""S1": [[0, 12]]"#, samples: String = #"{"id": "S1"}"#,
                          taxa: String = #"{"id": "t1", "label": "T1"}"#, header: String = #""format_version": 1"#) -> String {
        """
        {
          "format": "mhub-profile",
          \(header),
          "samples": [
            \(samples)
          ],
          "structure": "leaves",
          "taxa": [
            \(taxa)
          ],
          "unit": "counts",
          "values": {
            \(values)
          }
        }
        """
    }

    private func assertError(_ text: String, code: String, line: Int?, _ message: String? = nil,
                             file: StaticString = #filePath, at sourceLine: UInt = #line) {
        do {
            _ = try importText(text)
            XCTFail("expected \(code)", file: file, line: sourceLine)
        } catch {
            XCTAssertEqual(error.code, code, error.description, file: file, line: sourceLine)
            XCTAssertEqual(error.location.line, line, error.description, file: file, line: sourceLine)
            XCTAssertEqual(error.location.file, "test.profile.json", file: file, line: sourceLine)
            if let message { XCTAssertTrue(error.message.contains(message), error.message, file: file, line: sourceLine) }
        }
    }

    func testErrorsCarryTheirCodeAndLine() throws {
        XCTAssertNoThrow(try importText(document()))
        assertError(document(values: #""S1": [[0, NaN]]"#), code: "invalid-value", line: 13, "not a finite number")
        assertError(document(values: #""S1": [[0, 1e400]]"#), code: "invalid-value", line: 13, "not a finite number")
        assertError(document(values: #""S1": [[0, -1]]"#), code: "invalid-value", line: 13, "negative")
        assertError(document(values: #""S1": [[0.5, 1]]"#), code: "invalid-value", line: 13, "taxon index")
        assertError(document(values: #""S1": [[0, "12"]]"#), code: "invalid-value", line: 13, "expected a number")
        assertError(document(values: #""S1": [[1, 12]]"#), code: "shape-mismatch", line: 13, "outside the 1 taxa")
        assertError(document(values: #""S1": [[-1, 12]]"#), code: "shape-mismatch", line: 13, "outside the table")
        assertError(document(values: "\"S1\": [],\n\"S2\": [[0, 1]]"), code: "shape-mismatch", line: 14, "'S2', which is not in samples")
        assertError(document(values: "\"S1\": [],\n\"S1\": [[0, 1]]"), code: "duplicate-sample", line: 14)
        assertError(document(values: #""S1": [[0, 1], [0, 2]]"#), code: "duplicate-taxon", line: 13)
        assertError(document(values: #""S1": [[0, 1]"#), code: "syntax", line: 14, "expected ',' or ']'")
        assertError(document(samples: "{\"id\": \"S1\"},\n{\"id\": \"S1\"}"), code: "duplicate-sample", line: 6)
        assertError(document(samples: #"{"id": ""}"#), code: "missing-field", line: 5)
        assertError(document(samples: #"{"name": "S1"}"#), code: "syntax", line: 5, "unknown key \"name\" in a sample")
        assertError(document(samples: #"{"id": "S1", "id": "S2"}"#), code: "syntax", line: 5, "occurs twice")
        assertError(document(samples: #"{"metadata": {}}"#), code: "missing-field", line: 5)
        assertError(document(samples: #"{"id": "S1", "metadata": {"a": {"when": "x"}}}"#), code: "invalid-value", line: 5,
                    "must be one of")
        assertError(document(samples: #"{"id": "S1", "metadata": {"a": 99999999999999999999}}"#), code: "invalid-value", line: 5,
                    "64-bit")
        assertError(document(taxa: #"{"id": "t1"}"#), code: "missing-field", line: 9)
        assertError(document(taxa: #"{"id": "t1", "label": "", "lineage": [["genre", "X"]]}"#), code: "invalid-value", line: 9,
                    "not a rank")
        assertError(document(taxa: #"{"id": "t1", "label": "", "taxon_id": "816"}"#), code: "invalid-value", line: 9, "system:value")
        assertError(document(header: #""format_version": 3"#), code: "unsupported", line: 3)
        assertError(document(taxa: #"{"id": "t1", "label": "", "origins": [{"label": "x"}]}"#), code: "unsupported", line: 9,
                    "needs format_version 2")
        assertError(document(samples: #"{"id": "S1", "source": {"generated-by": "x"}}"#), code: "invalid-value", line: 5,
                    "not a sample source fact")
        assertError(document(taxa: #"{"id": "t1", "label": "", "taxon_id_release": "r214"}"#), code: "invalid-value", line: 9,
                    "without taxon_id")
        assertError(document(header: #""format_version": "1""#), code: "invalid-value", line: 3, "an integer")
        assertError(document(header: #""format_version": 1, "format_version": 1"#), code: "syntax", line: 3, "occurs twice")
        assertError(document(header: #""format_version": 1, "extra": true"#), code: "syntax", line: 3, "unknown key \"extra\"")
        assertError(document().replacingOccurrences(of: "mhub-profile", with: "biom"), code: "unsupported", line: 2)
        assertError(document().replacingOccurrences(of: "\"unit\": \"counts\",", with: ""), code: "missing-field", line: 1)
        assertError(document() + "\n{}", code: "syntax", line: 16, "end of the input")
        assertError("[]", code: "syntax", line: 1, "is an object")
        assertError("", code: "empty-input", line: 1)
        assertError(" \n ", code: "empty-input", line: 2)
    }

    func testTruncationAtEveryPointIsATypedError() throws {
        let bytes = try export(try richTable())
        // Every cut that removes more than the final newline.
        for length in stride(from: 0, to: bytes.count - 1, by: 7) {
            do {
                _ = try importBytes(Array(bytes[..<length]))
                XCTFail("a file cut at byte \(length) was accepted: \(String(decoding: bytes[max(0, length - 80)..<length], as: UTF8.self).debugDescription)")
            } catch {
                XCTAssertTrue(["syntax", "empty-input", "missing-field"].contains(error.code), "\(length): \(error)")
            }
        }
    }

    func testATaxonIDSystemWithAColonCannotBeWritten() throws {
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
        try builder.addTaxon(Taxon(id: "t", label: "t", taxonID: TaxonID(system: "a:b", value: "1")))
        XCTAssertThrowsError(try export(try builder.build())) { error in
            XCTAssertEqual((error as? ExportError)?.code, "cannot-represent")
        }
    }

    // MARK: - Schema

    /// Every export validates against `Formats/schemas/profile.schema.json` with Python's
    /// `jsonschema` (the interpreter is `MHUB_PYTHON`, or `python3`), and a document that
    /// breaks the layout does not.
    func testExportsValidateAgainstTheJSONSchema() throws {
        var exported = [try export(try richTable())]
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.cases.path) where name.hasPrefix("valid-") {
            exported.append(try export(try plugin.read(ImportInput(url: Self.cases.appendingPathComponent(name)),
                                                       options: ImportOptions())))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, bytes) in exported.enumerated() {
            try Data(bytes).write(to: folder.appendingPathComponent("export-\(index).json"))
        }
        let broken = String(decoding: exported[0], as: UTF8.self).replacingOccurrences(of: "\"format_version\": 2", with: "\"format_version\": 3")
        try Data(broken.utf8).write(to: folder.appendingPathComponent("broken.json"))

        let script = """
        import json, pathlib, sys
        import jsonschema
        schema = json.loads(pathlib.Path(sys.argv[1]).read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sorted(pathlib.Path(sys.argv[2]).glob("*.json")):
            errors = [error.message for error in validator.iter_errors(json.loads(path.read_text()))]
            print(path.name, "invalid" if errors else "valid", *errors[:1])
        """
        let python = ProcessInfo.processInfo.environment["MHUB_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", script,
                             Self.packageRoot.appendingPathComponent("Formats/schemas/profile.schema.json").path, folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(python) with jsonschema must be installed: \(report)")
        let verdicts = Dictionary(uniqueKeysWithValues: report.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 2)
            return (String(parts[0]), String(parts.count > 1 ? parts[1] : ""))
        })
        XCTAssertEqual(verdicts.count, exported.count + 1, report)
        for index in exported.indices { XCTAssertEqual(verdicts["export-\(index).json"], "valid", report) }
        XCTAssertEqual(verdicts["broken.json"], "invalid", report)
    }
}
