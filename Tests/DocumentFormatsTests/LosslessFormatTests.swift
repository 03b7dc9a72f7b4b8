import FormatKit
import Foundation
import ProfileFormats
import ProfileModel
import Testing
@testable import XMLFormats
@testable import YAMLFormats

/// `mhub-yaml` and `mhub-xml` carry exactly what profile JSON carries.
@Suite struct LosslessFormatTests {
    static let formats = [("mhub-yaml", ".profile.yaml"), ("mhub-xml", ".profile.xml")]

    @Test(arguments: formats)
    func everyReferenceTableRoundTripsExactly(format: String, suffix: String) throws {
        let cases = DocumentTestSupport.packageRoot.appendingPathComponent("Conformance/mhub-json")
        let extra = try ["valid-typed-metadata", "valid-cohort-v2", "valid-diagnostics-provenance"].map {
            ($0, try DocumentTestSupport.read(cases.appendingPathComponent("\($0).profile.json"), as: "mhub-json"))
        }
        let tables = try DocumentTestSupport.referenceTables() + extra
        for (name, table) in tables {
            let file = try DocumentTestSupport.write(table, as: format, suffix: suffix)
            let back = try DocumentTestSupport.read(file, as: format)
            // Compared as profile JSON: `==` on tables fails for NaN metadata, which must survive too.
            let expected = try Data(contentsOf: DocumentTestSupport.write(table, as: "mhub-json", suffix: ".json"))
            let actual = try Data(contentsOf: DocumentTestSupport.write(back, as: "mhub-json", suffix: ".json"))
            #expect(actual == expected, "\(name) through \(format)")
            let again = try DocumentTestSupport.write(back, as: format, suffix: suffix)
            #expect(try Data(contentsOf: file) == Data(contentsOf: again), "\(name): \(format) export is not byte-stable")
        }
    }

    @Test func xmlExportsAreValidAgainstTheSchemaByXmllint() throws {
        let xmllint = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: xmllint) else {
            Issue.record("xmllint is missing: run scripts/install-system-deps (Debian package libxml2-utils)")
            return
        }
        let schema = DocumentTestSupport.packageRoot.appendingPathComponent("Formats/schemas/profile.xsd").path
        for (name, table) in try DocumentTestSupport.referenceTables() {
            let file = try DocumentTestSupport.write(table, as: "mhub-xml", suffix: ".profile.xml")
            let result = try DocumentTestSupport.run(xmllint, ["--noout", "--nonet", "--schema", schema, file.path])
            #expect(result.status == 0, "\(name): \(result.output)")
        }
    }

    @Test func theEmbeddedSchemaIsTheSchemaFile() throws {
        let file = DocumentTestSupport.packageRoot.appendingPathComponent("Formats/schemas/profile.xsd")
        #expect(try String(contentsOf: file, encoding: .utf8) == ProfileXMLSchemaText.text)
    }

    @Test func yamlNumbersKeepTheirTypeForYAML11Readers() {
        #expect(YAMLDocumentEmitter.yamlNumber("120") == "120")
        #expect(YAMLDocumentEmitter.yamlNumber("0.5") == "0.5")
        #expect(YAMLDocumentEmitter.yamlNumber("1e-05") == "1.0e-05")
        #expect(YAMLDocumentEmitter.yamlNumber("1.5e300") == "1.5e+300")
        #expect(YAMLDocumentEmitter.yamlNumber("-2E7") == "-2.0e+7")
    }

    @Test func theYAMLExportIsReadable() throws {
        let table = try DocumentTestSupport.referenceTables()[1].table
        let text = try String(contentsOf: try DocumentTestSupport.write(table, as: "mhub-yaml", suffix: ".yaml"), encoding: .utf8)
        #expect(text.hasPrefix("format: mhub-profile\nformat_version: \(ProfileDocument.layoutVersion)\n"))
        #expect(text.contains("\n  - [domain, Bacteria]\n") || text.contains("- [kingdom, Bacteria]"))
        #expect(!text.contains("{"), "block style, no flow mappings:\n\(text)")
    }

    @Test func detectionClaimsOwnExportsOnly() throws {
        let table = try DocumentTestSupport.referenceTables()[0].table
        for (format, suffix) in Self.formats {
            let file = try DocumentTestSupport.write(table, as: format, suffix: suffix)
            let prefix = try ImportInput(url: file).prefix()
            #expect(try DocumentTestSupport.importer(format).detect(prefix).confidence == 1)
            let other = format == "mhub-yaml" ? "mhub-xml" : "mhub-yaml"
            #expect(try DocumentTestSupport.importer(other).detect(prefix) == .noMatch)
        }
    }
}

/// Errors in profile YAML and XML name the line of the offending value in the original file.
@Suite struct DocumentErrorLocationTests {
    static let yaml = """
    format: mhub-profile
    format_version: 1
    samples:
    - id: S1
    structure: leaves
    taxa:
    - id: t1
      label: t1
    unit: counts
    values:
      S1:
      - [0, -5]
    """

    @Test func aYAMLValueErrorNamesItsLine() throws {
        let result = try DocumentTestSupport.read(text: Self.yaml, name: "bad.profile.yaml", as: "mhub-yaml")
        guard case .failure(.invalidValue(let location, _, _)) = result else {
            Issue.record("expected invalid-value, got \(result)")
            return
        }
        #expect(location.file == "bad.profile.yaml")
        #expect(location.line == 12)
    }

    @Test func anUnknownKeyInYAMLNamesItsLine() throws {
        let text = Self.yaml.replacingOccurrences(of: "  label: t1\n", with: "  label: t1\n  colour: red\n")
        let result = try DocumentTestSupport.read(text: text, name: "bad.profile.yaml", as: "mhub-yaml")
        guard case .failure(.syntax(let location, let reason)) = result else {
            Issue.record("expected syntax, got \(result)")
            return
        }
        #expect(location.line == 9)
        #expect(reason.contains("colour"))
    }

    @Test func anXMLSchemaViolationNamesItsLine() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <map xmlns="http://www.w3.org/2005/xpath-functions">
          <string key="format">mhub-profile</string>
          <number key="format_version">one</number>
        </map>
        """
        let result = try DocumentTestSupport.read(text: text, name: "bad.profile.xml", as: "mhub-xml")
        guard case .failure(.syntax(let location, let reason)) = result else {
            Issue.record("expected syntax, got \(result)")
            return
        }
        #expect(location.line == 4)
        #expect(reason.contains("schema"))
    }

    @Test func aMissingFieldInXMLIsReported() throws {
        let text = """
        <map xmlns="http://www.w3.org/2005/xpath-functions">
          <string key="format">mhub-profile</string>
          <number key="format_version">1</number>
        </map>
        """
        let result = try DocumentTestSupport.read(text: text, name: "bad.profile.xml", as: "mhub-xml")
        guard case .failure(.missingField) = result else {
            Issue.record("expected missing-field, got \(result)")
            return
        }
    }
}
