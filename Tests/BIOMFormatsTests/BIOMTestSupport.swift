import Foundation
import FormatKit
import ProfileModel

/// A fresh file URL in the temporary directory.
func temporaryURL(_ name: String) -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("biom-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent(name)
}

/// Exports `table` with `exporter` into a temporary file and returns its URL.
func export(_ table: ProfileTable, with exporter: some ProfileExporter, name: String,
            options: ExportOptions = ExportOptions()) throws -> URL {
    let url = temporaryURL(name)
    var sink = try OutputSink(fileURL: url)
    try exporter.write(table, to: &sink, options: options)
    try sink.flush()
    return url
}

/// Imports the file at `url` with `importer`.
func importFile(_ url: URL, with importer: some ProfileImporter, options: ImportOptions = ImportOptions()) throws(ImportError) -> ProfileTable {
    try importer.read(ImportInput(url: url, name: url.lastPathComponent), options: options)
}

/// A two-sample, three-taxon count table with lineages, a taxon id, labels, typed sample
/// metadata, source facts and a group-metadata tree.
func richTable() throws -> ProfileTable {
    var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
    builder.provenance.source = SourceFacts(names: [
        "table-id": "T1", "table-type": "OTU table", "generated-by": "a test", "created": "2024-05-01T10:00:00",
        "lab": "Lab A", "group-metadata.observation.tree": "(A:0.1,B:0.2);",
        "group-metadata.observation.tree.data-type": "newick"])
    try builder.addTaxon(Taxon(id: "A", label: "k__Bacteria; p__Firmicutes; g__",
                               lineage: LineageParser.parse("k__Bacteria; p__Firmicutes; g__"),
                               metadata: ["confidence": .number(0.93)]))
    try builder.addTaxon(Taxon(id: "B", label: "Bacteroides fragilis",
                               lineage: Lineage([(.domain, "Bacteria"), (.genus, "Bacteroides"), (.species, "Bacteroides fragilis")])!,
                               taxonID: TaxonID(system: "ncbi", value: "817"), metadata: ["confidence": .number(1)]))
    try builder.addTaxon(Taxon(id: "C/3", label: "C/3", metadata: ["confidence": .number(0.5)]))
    try builder.addSample(Sample(id: "S1", metadata: ["age": .integer(41), "site": .string("gut"), "smoker": .bool(false),
                                                      "tags": .list([.string("x"), .string("y")])]))
    try builder.addSample(Sample(id: "S2", metadata: ["age": .integer(7), "site": .string("skin"), "smoker": .bool(true),
                                                      "tags": .list([.string("z")])]))
    try builder.setValue(12, sample: 0, taxon: 0)
    try builder.setValue(3, sample: 0, taxon: 2)
    try builder.setValue(40, sample: 1, taxon: 1)
    try builder.setValue(1, sample: 1, taxon: 2)
    return try builder.build()
}
