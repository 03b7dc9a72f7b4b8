import FormatKit
import TabularFormats
import Testing

/// What only looks like a table is refused: a header without data rows, and binary data.
@Suite struct NotATableTests {
    func error(_ bytes: [UInt8], with importer: any ProfileImporter) throws -> ImportError {
        let input = try ImportInput.bytes(bytes, name: "table.tsv")
        return try #require(throws: ImportError.self) { try importer.read(input, options: ImportOptions()) }
    }

    @Test(arguments: [(WideTSVFormat() as any ProfileImporter, "taxon\tS1\tS2\n"), (WideCSVFormat(), "taxon,S1\n\n"),
                      (LongTSVFormat(), "sample\ttaxon\tabundance\n")])
    func aHeaderWithoutDataRowsIsNoTable(_ importer: any ProfileImporter, _ text: String) throws {
        let failure = try error(Array(text.utf8), with: importer)
        #expect(failure.code == "empty-input", "\(failure)")
        #expect(failure.location.line == 1)
    }

    @Test func aNULByteIsBinaryDataNotText() throws {
        let failure = try error(Array("taxon\tS1\nk__A\t1".utf8) + [0, 0] + Array("\n".utf8), with: WideTSVFormat())
        #expect(failure.code == "encoding", "\(failure)")
        #expect(failure.location.line == 2)
        #expect(failure.location.column == 7)
    }

    @Test func detectorsLeaveBinaryDataAlone() throws {
        var bytes = Array("taxon,S1\n".utf8)
        bytes += (0..<300).map { UInt8(($0 * 37 + 11) % 32) }
        let prefix = try ImportInput.bytes(bytes, name: "junk.json").prefix()
        #expect(WideCSVFormat().detect(prefix) == .noMatch)
        #expect(WideTSVFormat().detect(prefix) == .noMatch)
    }
}
