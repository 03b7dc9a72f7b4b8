import BIOMFormats
import Foundation
import FormatKit
import ProfileModel
import Testing

/// Writes `text` to a temporary `.biom` file.
private func jsonFile(_ text: String, name: String = "table.biom") throws -> URL {
    let url = temporaryURL(name)
    try Data(text.utf8).write(to: url)
    return url
}

/// A minimal BIOM 1.0 document with the given members replacing the defaults, keys in the given order.
private func document(_ members: [(String, String)]) -> String {
    "{\n" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}\n"
}

/// `text` cut off just after the first occurrence of `marker`.
private func truncated(_ text: String, at marker: String) -> String {
    String(text[..<text.range(of: marker)!.upperBound])
}

private let rows = #"[{"id": "O1", "metadata": {"taxonomy": ["k__Bacteria", "p__Firmicutes"]}}, {"id": "O2", "metadata": null}]"#
private let columns = #"[{"id": "S1", "metadata": {"age": 4}}, {"id": "S2", "metadata": null}]"#
private let header: [(String, String)] = [
    ("id", "null"), ("format", "\"1.0.0\""), ("format_url", "\"http://biom-format.org\""), ("type", "\"OTU table\""),
    ("generated_by", "\"a test\""), ("date", "\"2024-01-01T00:00:00\""), ("matrix_element_type", "\"int\""),
]

@Suite("BIOM 1.0 JSON")
struct BIOMJSONFormatTests {
    let format = BIOMJSONFormat()

    @Test func roundTripKeepsIdsValuesLineagesLabelsAndMetadata() throws {
        let table = try richTable()
        let back = try importFile(try export(table, with: format, name: "rich.biom"), with: format)
        #expect(back.samples == table.samples)
        #expect(back.taxa == table.taxa)
        #expect(back.abundances == table.abundances)
        for key in table.provenance.source.keys { #expect(back.provenance.source[key] == table.provenance.source[key], "\(key)") }
    }

    @Test func denseExportReadsBackTheSame() throws {
        let table = try richTable()
        let url = try export(table, with: format, name: "dense.biom", options: ExportOptions(parameters: ["matrix-type": "dense"]))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"matrix_type\": \"dense\""))
        #expect(try importFile(url, with: format).abundances == table.abundances)
    }

    @Test func readsKeysInAnyOrderSparseAndDense() throws {
        let sparse = try jsonFile(document([("data", "[[0, 0, 5], [1, 1, 2]]"), ("shape", "[2, 2]"), ("rows", rows),
                                            ("columns", columns), ("matrix_type", "\"sparse\"")] + header))
        let dense = try jsonFile(document(header + [("matrix_type", "\"dense\""), ("shape", "[2, 2]"), ("rows", rows),
                                                    ("columns", columns), ("data", "[[5, 0], [0, 2]]")]))
        for url in [sparse, dense] {
            let table = try importFile(url, with: format)
            #expect(table.value(sample: 0, taxon: 0) == 5)
            #expect(table.value(sample: 1, taxon: 1) == 2)
            #expect(table.abundances.nonZeroCount == 2)
            #expect(table.taxa[0].lineage.name(at: .phylum) == "Firmicutes")
            #expect(table.taxa[0].label == "k__Bacteria; p__Firmicutes")
            #expect(table.samples[0].metadata == ["age": .integer(4)])
        }
    }

    @Test func taxonomyStringsAndIdsThatAreLineagesGiveLineages() throws {
        let rows = #"[{"id": "O1", "metadata": {"taxonomy": "d__Bacteria; p__Bacillota"}}, {"id": "s__Bacteroides_fragilis", "metadata": null}]"#
        let url = try jsonFile(document(header + [("matrix_type", "\"sparse\""), ("shape", "[2, 2]"), ("rows", rows),
                                                  ("columns", columns), ("data", "[[0, 0, 1]]")]))
        let table = try importFile(url, with: format)
        #expect(table.taxa[0].lineage.name(at: .phylum) == "Bacillota")
        #expect(table.taxa[0].label == "d__Bacteria; p__Bacillota")
        #expect(table.taxa[1].lineage.name(at: .species) == "Bacteroides_fragilis")
        #expect(table.taxa[1].label == "s__Bacteroides_fragilis")
    }

    @Test func badInputGivesTypedErrorsWithLines() throws {
        let cases: [(String, String, Int?)] = [
            (document(header + [("matrix_type", "\"sparse\""), ("shape", "[3, 2]"), ("rows", rows), ("columns", columns),
                                ("data", "[[0, 0, 5]]")]), "shape-mismatch", 10),
            (document(header + [("matrix_type", "\"sparse\""), ("shape", "[2, 2]"), ("rows", rows), ("columns", columns),
                                ("data", "[[0, 0, 5], [2, 0, 1]]")]), "shape-mismatch", 13),
            (document(header + [("matrix_type", "\"sparse\""), ("shape", "[2, 2]"), ("columns", columns),
                                ("data", "[[0, 0, 5]]")]), "missing-field", 13),
            (document(header + [("matrix_type", "\"sparse\""), ("shape", "[2, 2]"), ("rows", rows), ("columns", columns),
                                ("data", "[[0, 0, \"5\"]]")]), "invalid-value", 13),
            (document(header + [("matrix_type", "\"dense\""), ("shape", "[2, 2]"), ("rows", rows), ("columns", columns),
                                ("data", "[[5, 0], [0]]")]), "shape-mismatch", 13),
            (truncated(document(header + [("matrix_type", "\"sparse\""), ("shape", "[2, 2]"), ("rows", rows),
                                          ("columns", columns), ("data", "[[0, 0, 5], [1, 1, 2]]")]), at: "[1, 1"), "syntax", 13),
            ("", "empty-input", 1),
        ]
        for (text, code, line) in cases {
            let error = try #require(throws: ImportError.self) { try importFile(try jsonFile(text), with: format) }
            #expect(error.code == code, "\(error)")
            #expect(error.location.line == line, "\(error)")
        }
    }

    /// A dense `shape` claiming 10^9 columns used to reserve 8 GB for the first row before reading it.
    @Test func aShapeClaimingABillionColumnsIsAShapeMismatchNotAnAllocation() throws {
        let url = try jsonFile(document(header + [("matrix_type", "\"dense\""), ("shape", "[2, 1000000000]"), ("rows", rows),
                                                  ("columns", columns), ("data", "[[5, 0], [0, 1]]")]))
        let error = try #require(throws: ImportError.self) { try importFile(url, with: format) }
        #expect(error.code == "shape-mismatch", "\(error)")
    }

    @Test func negativeAndDuplicateEntriesAreRejected() throws {
        for (data, code) in [("[[0, 0, -1]]", "invalid-value"), ("[[0, 0, 1], [0, 0, 2]]", "duplicate-taxon")] {
            let url = try jsonFile(document(header + [("matrix_type", "\"sparse\""), ("shape", "[2, 2]"), ("rows", rows),
                                                      ("columns", columns), ("data", data)]))
            let error = try #require(throws: ImportError.self) { try importFile(url, with: format) }
            #expect(error.code == code)
        }
    }

    /// Rows are added in runs, yet a row that cannot be added is still reported before a
    /// syntax error further on, with its own line: as if every row were added as read.
    @Test func rowErrorComesBeforeALaterSyntaxError() throws {
        let rows = "[" + (0..<5_000).map { #"{"id": "O\#($0)", "metadata": null}"# }.joined(separator: ",\n")
            + ",\n" + #"{"id": "O7", "metadata": null},"# + "\n" + #"{"id": }]"#
        let url = try jsonFile(document(header + [("matrix_type", "\"sparse\""), ("shape", "[5001, 2]"), ("rows", rows),
                                                  ("columns", columns), ("data", "[]")]))
        let error = try #require(throws: ImportError.self) { try importFile(url, with: format) }
        #expect(error.code == "duplicate-taxon", "\(error)")
        #expect(error.location.line == header.count + 4 + 5_000, "\(error)")
    }

    @Test func detectsBIOMButNotOtherJSON() throws {
        let biom = try jsonFile(document(header + [("matrix_type", "\"sparse\""), ("shape", "[2, 2]"), ("rows", rows),
                                                   ("columns", columns), ("data", "[]")]))
        #expect(format.detect(try ImportInput(url: biom).prefix()).confidence >= 0.8)
        let other = try jsonFile(#"{"format": "mhub-profile", "samples": []}"#, name: "other.json")
        #expect(format.detect(try ImportInput(url: other).prefix()) == .noMatch)
    }

    @Test func exportIsValidForStrictReadersAndStable() throws {
        var builder = ProfileTableBuilder(unit: .relative, structure: .leaves)
        try builder.addTaxon(Taxon(id: "A", label: "A"))
        try builder.addSample(Sample(id: "S1"))
        try builder.setValue(1, sample: 0, taxon: 0)
        let table = try builder.build()
        let first = try String(contentsOf: export(table, with: format, name: "a.biom"), encoding: .utf8)
        let second = try String(contentsOf: export(table, with: format, name: "b.biom"), encoding: .utf8)
        #expect(first == second)
        #expect(first.contains("\"matrix_element_type\": \"int\""))
        // A row that is a feature of its own (no lineage names it) makes an OTU table, whatever the unit.
        #expect(first.contains("\"type\": \"OTU table\""))
        #expect(first.contains("\"format_url\": \"http://biom-format.org\""))
        #expect(first.contains("\"generated_by\": \"\(HubVersion.generator)\""))
        // The unit travels with the table, so nothing is lost.
        #expect(first.contains("\"unit\": \"relative\""))
        #expect(try format.losses(for: table, options: ExportOptions()).isEmpty)
    }

    @Test func typeFitsTheContentAndUnitAndStepsComeBack() throws {
        var builder = ProfileTableBuilder(unit: .percent, structure: .leaves)
        try builder.addTaxon(Taxon(id: "k__Bacteria|p__Firmicutes", label: "k__Bacteria|p__Firmicutes",
                                   lineage: LineageParser.parse("k__Bacteria|p__Firmicutes")))
        try builder.addTaxon(Taxon(id: "ncbi:816", label: "Bacteroides", lineage: LineageParser.parse("g__Bacteroides"),
                                   taxonID: TaxonID(system: "ncbi", value: "816")))
        try builder.addSample(Sample(id: "S1"))
        try builder.setValue(40, sample: 0, taxon: 0)
        try builder.setValue(60, sample: 0, taxon: 1)
        builder.provenance.source[.attribute("generated-by")] = "MetaPhlAn 4.1"
        builder.provenance.steps.append(ProvenanceStep(action: .import, format: "metaphlan-profile", parameters: ["file": "p.txt"]))
        let table = try builder.build()
        let url = try export(table, with: format, name: "taxa.biom")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"type\": \"Taxon table\""), "rows named by lineage or tax id make a taxon table")
        #expect(text.contains("\"source-generated-by\": \"MetaPhlAn 4.1\""))
        let back = try format.read(try ImportInput(url: url), options: ImportOptions())
        #expect(back.unit == .percent)
        #expect(back.diagnostics.allSatisfy { $0.code != "unit.inferred" })
        #expect(back.provenance.steps == table.provenance.steps)
        #expect(back.provenance.source[.attribute("generated-by")] == "MetaPhlAn 4.1")
        #expect(back.provenance.source[.attribute("unit")] == nil)
    }
}
