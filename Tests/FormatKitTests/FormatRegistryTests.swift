import Foundation
import Testing
@testable import FormatKit
import ProfileModel

/// A test importer that claims inputs whose first line starts with a marker.
private struct MarkerImporter: ProfileImporter {
    let format: FormatDescription
    let marker: String
    let confidence: Double

    init(id: String, marker: String, confidence: Double = 0.9, extensions: [String] = []) {
        self.format = FormatDescription(id: id, name: id, summary: "test", extensions: extensions,
                                        canImport: true, canExport: false)
        self.marker = marker
        self.confidence = confidence
    }

    func detect(_ prefix: InputPrefix) -> Detection {
        prefix.text.hasPrefix(marker) ? .match(confidence: confidence, reason: "starts with \(marker)") : .noMatch
    }

    func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        do { return try ProfileTableBuilder(unit: .counts, structure: .leaves).build() } catch {
            throw ImportError(error, at: input.location())
        }
    }
}

@Suite("FormatRegistry")
struct FormatRegistryTests {
    @Test func rejectsDuplicateIDs() {
        #expect(throws: RegistryError.duplicateID("a")) {
            try FormatRegistry([MarkerImporter(id: "a", marker: "A"), MarkerImporter(id: "a", marker: "B")])
        }
    }

    @Test func rejectsMalformedIDs() {
        #expect(throws: RegistryError.invalidID("Bad_ID")) { try FormatRegistry([MarkerImporter(id: "Bad_ID", marker: "A")]) }
    }

    @Test func rejectsCapabilitiesThePluginDoesNotHave() {
        var plugin = MarkerImporter(id: "a", marker: "A")
        plugin = MarkerImporter(id: "a", marker: "A")
        struct Lying: ProfileImporter {
            var inner: MarkerImporter
            var format: FormatDescription { var f = inner.format; f.canExport = true; return f }
            func detect(_ prefix: InputPrefix) -> Detection { inner.detect(prefix) }
            func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
                try inner.read(input, options: options)
            }
        }
        #expect(throws: RegistryError.self) { try FormatRegistry([Lying(inner: plugin)]) }
    }

    @Test func ranksByConfidenceThenExtension() throws {
        let registry = try FormatRegistry([
            MarkerImporter(id: "weak", marker: "#", confidence: 0.5),
            MarkerImporter(id: "strong", marker: "#O", confidence: 0.9),
            MarkerImporter(id: "strong-ext", marker: "#O", confidence: 0.9, extensions: ["tsv"]),
        ])
        let (input, _) = try temporaryInput(Array("#OTU\n".utf8), name: "t.tsv")
        let ranked = registry.detect(try input.prefix())
        #expect(ranked.map(\.formatID) == ["strong-ext", "strong", "weak"])
        #expect(try registry.resolveImporter(for: input, id: nil).format.id == "strong-ext")
    }

    @Test func aTieAtTheTopIsAmbiguous() throws {
        let registry = try FormatRegistry([MarkerImporter(id: "one", marker: "X"), MarkerImporter(id: "two", marker: "X")])
        let (input, _) = try temporaryInput(Array("X\n".utf8), name: "t.txt")
        #expect(throws: ImportError.ambiguousFormat(input.location(), candidates: ["one", "two"])) {
            _ = try registry.resolveImporter(for: input, id: nil)
        }
    }

    @Test func nothingMatchingIsUnrecognizedAndListsWhatWasTried() throws {
        let registry = try FormatRegistry([MarkerImporter(id: "one", marker: "X"), MarkerImporter(id: "two", marker: "Y")])
        let (input, _) = try temporaryInput(Array("Z\n".utf8), name: "t.txt")
        #expect(throws: ImportError.unrecognizedFormat(input.location(), tried: ["one", "two"])) {
            _ = try registry.resolveImporter(for: input, id: nil)
        }
    }

    @Test func emptyInputIsReportedAsSuch() throws {
        let registry = try FormatRegistry([MarkerImporter(id: "one", marker: "X")])
        let (input, _) = try temporaryInput([], name: "empty.txt")
        #expect(throws: ImportError.emptyInput(input.location())) { _ = try registry.resolveImporter(for: input, id: nil) }
    }

    @Test func anExplicitIDSkipsDetection() throws {
        let registry = try FormatRegistry([MarkerImporter(id: "one", marker: "X")])
        let (input, _) = try temporaryInput(Array("Z\n".utf8), name: "t.txt")
        #expect(try registry.resolveImporter(for: input, id: "one").format.id == "one")
    }

    @Test func importTableLogsTheStepAndEnforcesStrict() throws {
        let registry = try FormatRegistry([MarkerImporter(id: "one", marker: "X")])
        let (input, _) = try temporaryInput(Array("X\n".utf8), name: "t.txt")
        let imported = try registry.importTable(input, formatID: nil, options: ImportOptions())
        #expect(imported.table.provenance.steps == [ProvenanceStep(action: .import, format: "one", parameters: ["file": "t.txt"])])
        #expect(imported.table.provenance.source[.sourceFormat] == "one")
    }
}
