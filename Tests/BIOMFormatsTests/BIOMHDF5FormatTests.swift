import BIOMFormats
import Foundation
import FormatKit
import HDF5Kit
import ProfileModel
import Testing

/// Writes a BIOM 2.1 skeleton of 2 observations × 2 samples with HDF5Kit, leaving out
/// `omit` (dataset paths or `@attribute` names) and replacing datasets given in `replace`.
private func writeSkeleton(omit: Set<String> = [], replace: [String: HDF5Array] = [:]) throws -> URL {
    let url = temporaryURL("skeleton.biom")
    let file = try HDF5File.create(at: url.path)
    let attributes: [(String, HDF5Array)] = [
        ("id", .scalar("No Table ID")), ("type", .scalar("OTU table")), ("format-url", .scalar("http://biom-format.org")),
        ("format-version", HDF5Array(.int64([2, 1]))), ("generated-by", .scalar("test")),
        ("creation-date", .scalar("2024-01-01T00:00:00")), ("shape", HDF5Array(.int64([2, 2]))), ("nnz", .scalar(Int64(3))),
    ]
    for (name, value) in attributes where !omit.contains("@" + name) { try file.root.setAttribute(name, value) }
    let datasets: [(String, HDF5Array)] = [
        ("observation/ids", HDF5Array(.strings(["O1", "O2"]))),
        ("observation/matrix/data", HDF5Array(.float64([5, 1, 2]))),
        ("observation/matrix/indices", HDF5Array(.int32([0, 1, 1]))),
        ("observation/matrix/indptr", HDF5Array(.int32([0, 2, 3]))),
        ("sample/ids", HDF5Array(.strings(["S1", "S2"]))),
        ("sample/matrix/data", HDF5Array(.float64([5, 1, 2]))),
        ("sample/matrix/indices", HDF5Array(.int32([0, 0, 1]))),
        ("sample/matrix/indptr", HDF5Array(.int32([0, 1, 3]))),
    ]
    for axis in ["observation", "sample"] {
        let group = try file.root.createGroup(axis)
        try group.createGroup("matrix")
        try group.createGroup("metadata")
        try group.createGroup("group-metadata")
    }
    for (path, value) in datasets where !omit.contains(path) {
        let parts = path.split(separator: "/").map(String.init)
        let group = try file.root.group(parts.dropLast().joined(separator: "/"))
        try group.createDataset(parts.last!, replace[path] ?? value)
    }
    try file.close()
    return url
}

@Suite("BIOM 2.1 HDF5")
struct BIOMHDF5FormatTests {
    let format = BIOMHDF5Format()

    @Test func roundTripKeepsIdsValuesLineagesLabelsAndMetadata() throws {
        let table = try richTable()
        let url = try export(table, with: format, name: "rich.biom")
        let back = try importFile(url, with: format)
        #expect(back.samples == table.samples)
        #expect(back.taxa == table.taxa)
        #expect(back.abundances == table.abundances)
        #expect(back.unit == .counts)
        for key in ["table-id", "table-type", "generated-by", "created", "lab",
                    "group-metadata.observation.tree", "group-metadata.observation.tree.data-type"] {
            #expect(back.provenance.source[SourceKey(name: key)] == table.provenance.source[SourceKey(name: key)], "source \(key)")
        }
        #expect(back.provenance.source[.attribute("format-version")] == "2.1")
    }

    @Test func exportIsByteIdenticalOnRepeat() throws {
        let table = try richTable()
        let first = try Data(contentsOf: export(table, with: format, name: "a.biom"))
        let second = try Data(contentsOf: export(table, with: format, name: "b.biom"))
        #expect(first == second)
    }

    @Test func readsTheSkeletonAndDetectsIt() throws {
        let url = try writeSkeleton()
        let table = try importFile(url, with: format)
        #expect(table.samples.map(\.id) == ["S1", "S2"])
        #expect(table.taxa.map(\.id) == ["O1", "O2"])
        #expect(table.value(sample: 0, taxon: 0) == 5)
        #expect(table.value(sample: 1, taxon: 0) == 1)
        #expect(table.value(sample: 1, taxon: 1) == 2)
        #expect(table.provenance.source[.attribute("table-type")] == "OTU table")
        let prefix = try ImportInput(url: url).prefix()
        #expect(format.detect(prefix).confidence >= 0.9)
    }

    @Test func missingDatasetNamesItsPath() throws {
        let url = try writeSkeleton(omit: ["sample/matrix/indices"])
        #expect(throws: ImportError.missingField(SourceLocation(file: "skeleton.biom", path: "/sample/matrix/indices"),
                                                 field: "/sample/matrix/indices")) {
            try importFile(url, with: format)
        }
    }

    @Test func missingShapeAttributeIsAMissingField() throws {
        let url = try writeSkeleton(omit: ["@shape"])
        #expect(throws: ImportError.missingField(SourceLocation(file: "skeleton.biom", path: "/@shape"), field: "shape")) {
            try importFile(url, with: format)
        }
    }

    @Test func shapeThatDisagreesWithTheIdsIsAShapeMismatch() throws {
        let url = try writeSkeleton(replace: ["sample/ids": HDF5Array(.strings(["S1", "S2", "S3"]))])
        let error = try #require(throws: ImportError.self) { try importFile(url, with: format) }
        #expect(error.code == "shape-mismatch")
        #expect(error.location.path == "/sample/ids")
    }

    @Test func indexOutOfRangeNamesTheEntry() throws {
        let url = try writeSkeleton(replace: ["sample/matrix/indices": HDF5Array(.int32([0, 0, 7]))])
        let error = try #require(throws: ImportError.self) { try importFile(url, with: format) }
        #expect(error.code == "shape-mismatch")
        #expect(error.location.path == "/sample/matrix/indices[2]")
    }

    /// Compressed-sparse arrays that disagree with each other, each with the entry it names.
    static let offsetDefects: [(replace: [String: HDF5Array], path: String)] = [
        // The hostile case that trapped: offsets [0, 2, 1] over one stored entry.
        (["sample/matrix/indptr": HDF5Array(.int32([0, 2, 1])), "sample/matrix/indices": HDF5Array(.int32([0])),
          "sample/matrix/data": HDF5Array(.float64([5]))], "/sample/matrix/indptr[1]"),
        (["sample/matrix/indptr": HDF5Array(.int32([1, 1, 3]))], "/sample/matrix/indptr[0]"),
        (["sample/matrix/indptr": HDF5Array(.int32([0, 1, 2]))], "/sample/matrix/indptr[2]"),
        (["sample/matrix/indptr": HDF5Array(.int32([0, 1, 3, 3]))], "/sample/matrix/indptr"),
        (["sample/matrix/indices": HDF5Array(.int32([0, -1, 1]))], "/sample/matrix/indices[1]"),
        (["sample/matrix/data": HDF5Array(.float64([5, 1]))], "/sample/matrix/indices"),
        (["observation/matrix/indptr": HDF5Array(.int32([0, 3, 2]))], "/observation/matrix/indptr[2]"),
        (["observation/matrix/indices": HDF5Array(.int32([0, 1, 2]))], "/observation/matrix/indices[2]"),
        (["observation/matrix/indptr": HDF5Array(.int32([0, 2, 2])), "observation/matrix/indices": HDF5Array(.int32([0, 1])),
          "observation/matrix/data": HDF5Array(.float64([5, 1]))], "/sample/matrix/data"),
    ]

    @Test(arguments: 0..<offsetDefects.count)
    func everyCompressedArrayIsCheckedBeforeUse(defect: Int) throws {
        let (replace, path) = Self.offsetDefects[defect]
        let url = try writeSkeleton(replace: replace)
        let error = try #require(throws: ImportError.self) { try importFile(url, with: format) }
        #expect(error.code == "shape-mismatch", "\(error)")
        #expect(error.location.path == path, "\(error)")
    }

    @Test func nonNumericDataIsAnInvalidValue() throws {
        let url = try writeSkeleton(replace: ["sample/matrix/data": HDF5Array(.strings(["5", "1", "x"]))])
        let error = try #require(throws: ImportError.self) { try importFile(url, with: format) }
        #expect(error.code == "invalid-value")
        #expect(error.location.path == "/sample/matrix/data")
    }

    @Test func zeroBytesAndForeignBytesAreTypedErrors() throws {
        let empty = temporaryURL("empty.biom")
        #expect(FileManager.default.createFile(atPath: empty.path, contents: Data()))
        #expect(throws: ImportError.emptyInput(SourceLocation(file: "empty.biom"))) { try importFile(empty, with: format) }
        let text = temporaryURL("text.biom")
        try Data("{\"id\": null}".utf8).write(to: text)
        let error = try #require(throws: ImportError.self) { try importFile(text, with: format) }
        #expect(error.code == "syntax")
        #expect(format.detect(try ImportInput(url: text).prefix()) == .noMatch)
    }

    @Test func declaresWhatItCannotCarry() throws {
        var builder = ProfileTableBuilder(unit: .percent, structure: .cladeCumulative)
        builder.provenance.source[.sourceFormat] = "biom-json"
        try builder.addTaxon(Taxon(id: "k__Bacteria", label: "k__Bacteria", lineage: LineageParser.parse("k__Bacteria")))
        try builder.addSample(Sample(id: "S1", metadata: ["note": .null]))
        try builder.addSample(Sample(id: "S2", metadata: ["note": .string("x")]))
        try builder.setValue(60, sample: 0, taxon: 0)
        try builder.setValue(100, sample: 1, taxon: 0)
        builder.provenance.steps.append(ProvenanceStep(action: .import))
        let table = try builder.build()
        let fields = try format.losses(for: table, options: ExportOptions()).map(\.field)
        // The steps and the unit travel as table attributes (`provenance-steps`, `unit`).
        #expect(fields == [.structure, .provenanceSource, .sampleMetadata])
    }
}
