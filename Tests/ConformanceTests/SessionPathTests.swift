import BuiltInFormats
import ConformanceFixtures
import ConformanceKit
import FormatKit
import Foundation
import ProfileModel
import Testing

/// An importer that logs its own import step, as tabular reads once did: through the session
/// the import is then logged twice.
private struct DoubleLoggingTable: ProfileImporter {
    let base = TinyTableFormat()
    var format: FormatDescription {
        var description = base.format
        description.canExport = false
        return description
    }

    func detect(_ prefix: InputPrefix) -> Detection { base.detect(prefix) }

    func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var table = try base.read(input, options: options)
        table.provenance.steps.append(ProvenanceStep(action: .import, format: format.id, parameters: ["file": "x"]))
        return table
    }
}

/// The kit calls the plugin under test through the import and export sessions the commands use,
/// so what it checks is what users get.
@Suite struct SessionPathTests {
    @Test func theKitSeesTheSessionsImportStep() throws {
        let report = try runInProcess(TinyTableFormat(), cases: fixtureCases("tiny-table"))
        let item = try #require(report.item(.import, "valid-basic"))
        #expect(item.verdict == .passed, "\(item.message)")
    }

    @Test func anImporterThatLogsItsOwnImportFailsTheImportCheck() throws {
        let report = try runInProcess(DoubleLoggingTable(), cases: fixtureCases("tiny-table"))
        let item = try #require(report.item(.import, "valid-basic"))
        #expect(item.verdict == .failed)
        #expect(item.message.contains("provenance.steps [step 1]"), "\(item.message)")
    }

    /// The codes of the notes the hub's importers wrote into the goldens are in the catalogue, and
    /// the plugin guide lists every code of the catalogue. (Inputs in the hub's own lossless formats
    /// and reference tables carry notes from other producers verbatim, so their codes are not the
    /// hub's to catalogue.)
    @Test func diagnosticCodesComeFromTheCatalogue() throws {
        let catalogue = Set(DiagnosticCode.catalogue.map(\.rawValue))
        #expect(catalogue.count == DiagnosticCode.catalogue.count, "codes are unique")
        let guide = try String(contentsOf: packageRoot.appendingPathComponent("Formats/PLUGIN_GUIDE.md"), encoding: .utf8)
        for code in DiagnosticCode.catalogue { #expect(guide.contains("`\(code.rawValue)`"), "\(code) is not in the guide") }
        let files = FileManager.default.enumerator(at: packageRoot.appendingPathComponent("Conformance"), includingPropertiesForKeys: nil)
        var seen: Set<String> = []
        while let file = files?.nextObject() as? URL {
            let folder = file.deletingLastPathComponent().lastPathComponent
            // The hub's lossless formats (profile JSON, YAML, XML) carry other producers' notes verbatim.
            guard file.lastPathComponent.hasSuffix(".profile.json"), folder != "reference",
                  !["mhub-json", "mhub-yaml", "mhub-xml"].contains(folder) else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /"code":"([a-z0-9.-]+)"/) { seen.insert(String(match.output.1)) }
        }
        #expect(!seen.isEmpty)
        #expect(seen.subtracting(catalogue).isEmpty, "codes outside the catalogue: \(seen.subtracting(catalogue))")
    }
}
