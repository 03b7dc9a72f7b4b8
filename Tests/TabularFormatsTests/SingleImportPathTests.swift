import BuiltInFormats
import FormatDescriptors
import FormatKit
import Foundation
import ProfileModel
import TabularFormats
import TabularKit
import Testing

/// Tabular and descriptor imports log their import once (the session's step), and reading
/// uses what detection sniffed from the same prefix.
@Suite struct SingleImportPathTests {
    let registry: FormatRegistry
    let root = TableTestSupport.packageRoot

    init() throws {
        registry = try BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))
    }

    @Test(arguments: ["Conformance/wide-tsv/valid-own-crlf-title.tsv", "Conformance/long-tsv/valid-own-tidy.tsv",
                      "Conformance/biom-tsv/valid-own-with-taxonomy.tsv", "Conformance/kaiju-table/valid-own-two-files.tsv"])
    func theImportStepIsLoggedOnce(path: String) throws {
        let url = root.appendingPathComponent(path)
        let imported = try registry.importTable(ImportInput(url: url, name: url.lastPathComponent), formatID: nil,
                                                options: ImportOptions())
        #expect(imported.table.provenance.steps == [ProvenanceStep(action: .import, format: imported.format.id,
                                                                   parameters: ["file": url.lastPathComponent])])
        #expect(imported.table.provenance.source[.sourceFormat] == imported.format.id)
    }

    @Test func theImporterAloneLogsNothing() throws {
        let url = root.appendingPathComponent("Conformance/wide-tsv/valid-own-crlf-title.tsv")
        let table = try WideTSVFormat().read(ImportInput(url: url), options: ImportOptions())
        #expect(table.provenance.steps.isEmpty)
        #expect(table.provenance.source[.sourceFormat] == nil)
    }

    /// The wide-table detector hands its sniffed dialect and header line over; reading with them
    /// gives the table that sniffing again gives.
    @Test func detectionFindingsAgreeWithReading() throws {
        let url = root.appendingPathComponent("Conformance/wide-tsv/valid-own-crlf-title.tsv")
        let input = try ImportInput(url: url, name: url.lastPathComponent).sampling()
        let verdict = WideTSVFormat().detect(try input.prefix())
        let findings = try #require(verdict.findings)
        let withFindings = try WideTSVFormat().read(input, options: ImportOptions(findings: findings))
        let without = try WideTSVFormat().read(input, options: ImportOptions())
        #expect(withFindings == without)
        #expect(withFindings.provenance.source[.dialect] == "delimiter tab, decimal mark '.'")
    }

    /// A descriptor that leaves the structure open takes `--option structure=…`; one that fixes
    /// it declares no options, so the setting is refused instead of ignored.
    @Test func descriptorsDeclareTheStructureOptionOnlyWhenTheyLeaveItOpen() throws {
        for case let plugin as DescriptorFormat in registry.plugins {
            let declared = plugin.format.importOptions.map(\.name)
            #expect(declared == (plugin.descriptor.layout.structure == nil ? [TableImportOptions.structure.name] : []))
        }
        let kaiju = root.appendingPathComponent("Conformance/kaiju-table/valid-own-two-files.tsv")
        let error = try #require(throws: ImportError.self) {
            try registry.importTable(ImportInput(url: kaiju), formatID: "kaiju-table",
                                     options: ImportOptions(parameters: ["structure": "leaves"]))
        }
        #expect(error.isUsageError)
    }
}
