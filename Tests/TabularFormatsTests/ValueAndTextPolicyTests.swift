import FormatKit
import ProfileModel
import TabularFormats
import Testing

/// The readers' one policy for values and text (PLUGIN_GUIDE, "Values and text"), in tables:
/// `NaN` and infinities are errors with their line, `NA` and empty cells are missing values,
/// and a byte that is not UTF-8 is never replaced.
@Suite struct ValueAndTextPolicyTests {
    func error(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> ImportError {
        let input = try ImportInput.bytes(bytes, name: "table.tsv", encoding: encoding)
        return try #require(throws: ImportError.self) { try WideTSVFormat().read(input, options: ImportOptions()) }
    }

    @Test(arguments: ["NaN", "nan", "inf", "-Infinity", "1e400"])
    func aValueThatIsNotAFiniteNumberIsAnErrorWithItsLine(_ cell: String) throws {
        let failure = try error(Array("taxon\tS1\tS2\nk__A;g__B\t3\t\(cell)\nk__A;g__C\t4\t5\n".utf8))
        #expect(failure.code == "invalid-value", "\(failure)")
        #expect(failure.location.line == 2)
        #expect(failure.location.column == 13)
    }

    @Test func missingValueTokensStillMeanNoValue() throws {
        let input = try ImportInput.bytes(Array("taxon\tS1\tS2\nk__A;g__B\t3\tNA\nk__A;g__C\t4\t\n".utf8), name: "table.tsv")
        let table = try WideTSVFormat().read(input, options: ImportOptions())
        #expect(table.value(sample: 1, taxon: 0) == 0)
        #expect(table.value(sample: 0, taxon: 1) == 4)
    }

    @Test func aByteThatIsNotUTF8IsAnErrorWhenTheInputIsGivenAsUTF8() throws {
        let bytes = Array("taxon\tS1\nk__A;g__B".utf8) + [0xFF] + Array("\t3\nk__A;g__C\t4\n".utf8)
        let failure = try error(bytes, encoding: .utf8)
        #expect(failure.code == "encoding", "\(failure)")
        #expect(failure.location.line == 2)
        // Without a declared encoding the line is read as Windows-1252, with the warning --strict fails.
        let table = try WideTSVFormat().read(try ImportInput.bytes(bytes, name: "table.tsv"), options: ImportOptions())
        #expect(table.taxa[0].label == "k__A;g__Bÿ")
        #expect(table.diagnostics.map(\.code).contains(DiagnosticCode.windows1252.rawValue))
    }
}
