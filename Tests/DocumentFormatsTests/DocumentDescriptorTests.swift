import FormatDescriptors
import FormatKit
import Foundation
import ProfileModel
import Testing

/// Vendor reports shaped as trees, read by descriptors alone.
@Suite struct DocumentDescriptorTests {
    static let consumer = DocumentTestSupport.corpus.appendingPathComponent("consumer")

    private func table(_ file: String, as id: String) throws -> ProfileTable {
        try DocumentTestSupport.read(Self.consumer.appendingPathComponent(file), as: id)
    }

    @Test func theUBiomeJSONExportAgreesWithTheCSVExportOfTheSameSample() throws {
        let json = try table("ubiome_2016-07-29-gut-74607.json", as: "ubiome-json")
        let csv = try table("ubiome-export-74607.csv", as: "ubiome-csv")
        #expect(json.taxa == csv.taxa)
        #expect(json.taxa.count == 277)
        #expect(json.abundances == csv.abundances)
        #expect(json.unit == csv.unit)
        #expect(json.structure == .cladeCumulative)
        #expect(json.samples.map(\.id) == ["74607"])
        #expect(json.samples[0].metadata["site"] == .string("gut"))
        #expect(json.samples[0].metadata["notes"] == .string("Kombucha Day 2; ribeye lunch; chicken patty, apple crisp"))
    }

    @Test func theAllStringsSchemaReadsAsNumbers() throws {
        let old = try table("ubiome_Sprague-uBiomeOct2014.json", as: "ubiome-json")
        #expect(old.samples.map(\.id) == ["ubiome_Sprague-uBiomeOct2014"], "no sequencing_revision: the file name names the sample")
        let bacteria = try #require(old.taxa.firstIndex { $0.taxonID == TaxonID(system: "ncbi", value: "2") })
        #expect(old.value(sample: 0, taxon: bacteria) == 79102)
        #expect(old.taxa[bacteria].lineage.entries.last == LineageEntry(rank: .domain, name: "Bacteria"))
        #expect(old.taxa[bacteria].metadata["count-per-million"] == .integer(1_000_000))
    }

    @Test(arguments: ["ubiome_2016-07-26-gut-73813.json", "ubiome_dummy-755190.json", "ubiome_isaacgerg_2015_0623.json"])
    func everyUBiomeJSONExportImports(file: String) throws {
        let table = try table(file, as: "ubiome-json")
        #expect(!table.taxa.isEmpty)
        #expect(table.samples.count == 1)
    }

    @Test func theUBiomeDescriptorDetectsBothGenerations() throws {
        let plugin = try DocumentTestSupport.importer("ubiome-json")
        for file in ["ubiome_2016-07-29-gut-74607.json", "ubiome_Sprague-uBiomeOct2014.json"] {
            let prefix = try ImportInput(url: Self.consumer.appendingPathComponent(file)).prefix()
            #expect(plugin.detect(prefix).confidence > 0.8, "\(file)")
        }
    }

    static let yamlDescriptor = """
    descriptor: 1
    id: yaml-lab-report
    name: YAML lab report
    document:
      syntax: yaml
      records: report.taxa
      metadata:
        report.collected: collection-date
    sample: {path: report.sample}
    columns:
      taxon_name: name
      rank: rank
      abundance: result.percent
    unit: percent
    structure: clade-cumulative
    """

    @Test func aYAMLReportReadsThroughKeyPaths() throws {
        let report = """
        report:
          sample: EL-7
          collected: 2024-03-01
          taxa:
          - {name: Bacteroidetes, rank: phylum, result: {percent: 55.5}}
          - {name: Bacteroides, rank: genus, result: {percent: 30.1}}
        """
        let table = try DescriptorSupport.read(descriptor: Self.yamlDescriptor, report: report, name: "r.yaml").get()
        #expect(table.samples == [Sample(id: "EL-7", metadata: ["collection-date": .date("2024-03-01")])])
        #expect(table.taxa.map(\.label) == ["Bacteroidetes", "Bacteroides"])
        #expect(table.value(sample: 0, taxon: 1) == 30.1)
        #expect(table.unit == .percent)
    }

    @Test func aValueErrorInAReportNamesTheRecordLine() throws {
        let report = "report:\n  sample: S\n  taxa:\n  - {name: A, rank: genus, result: {percent: 5}}\n  - {name: B, rank: genus, result: {percent: -1}}\n"
        let error = try DescriptorSupport.failure(descriptor: Self.yamlDescriptor, report: report, name: "r.yaml")
        guard case .invalidValue(let location, _, _)? = error else {
            Issue.record("expected invalid-value, got \(String(describing: error))")
            return
        }
        #expect(location.line == 5)
    }

    @Test func theWorkedXMLExampleReadsThroughXPaths() throws {
        let folder = DocumentTestSupport.packageRoot.appendingPathComponent("examples/descriptors")
        let plugin = DescriptorFormat(try DescriptorCatalog.load(file: folder.appendingPathComponent("example-lab-xml-v1.yaml").path))
        let report = folder.appendingPathComponent("cases/example-lab-xml/valid-nested-report.xml")
        let table = try plugin.read(ImportInput(url: report), options: ImportOptions())
        #expect(table.samples.map(\.id) == ["EL-2024-0042"])
        #expect(table.samples[0].metadata["lab"] == .string("Example Lab Berlin"))
        let bacteroides = try #require(table.taxa.firstIndex { $0.label == "Bacteroides" })
        #expect(table.taxa[bacteroides].lineage.name(at: .phylum) == "Bacteroidetes")
        #expect(table.value(sample: 0, taxon: bacteroides) == 30.1)
    }

    @Test func aDocumentDescriptorRefusesTableKeys() {
        let text = Self.yamlDescriptor + "\ndialect: {delimiter: tab}\n"
        #expect(throws: DescriptorError.self) { try DescriptorLoader.load(Array(text.utf8), file: "d.yaml") }
    }

    @Test func aBadXPathIsADescriptorProblem() {
        let text = """
        descriptor: 1
        id: bad-xml
        name: Bad
        document: {syntax: xml, records: "//taxon"}
        sample: {file_name: true}
        columns: {taxon_name: "@name[1]", abundance: value}
        """
        #expect(throws: DescriptorError.self) { try DescriptorLoader.load(Array(text.utf8), file: "d.yaml") }
    }
}
