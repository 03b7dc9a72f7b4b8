import ConformanceKit
import Foundation
import Testing

@Suite struct CaseFolderTests {
    func folder(_ files: [String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in files { try Data().write(to: directory.appendingPathComponent(file)) }
        return directory
    }

    @Test func casesPairWithTheirGoldensErrorsAndCompanions() throws {
        let directory = try folder(["valid-basic.tsv", "valid-basic.profile.json", "valid-pair.shared",
                                    "valid-pair+taxonomy.tsv", "invalid-ragged.tsv", "invalid-ragged.error", "README.md"])
        let cases = CaseFolder.discover(in: directory)
        #expect(cases.validCases.map(\.id) == ["valid-basic", "valid-pair"])
        #expect(cases.invalidCases.map(\.id) == ["invalid-ragged"])
        #expect(cases.validCases[1].companions.keys.sorted() == ["taxonomy"])
        #expect(cases.validCases[0].golden.lastPathComponent == "valid-basic.profile.json")
        #expect(cases.problems.isEmpty)
    }

    @Test func aProfileJSONCaseIsItsOwnGolden() throws {
        let cases = CaseFolder.discover(in: try folder(["valid-basic.profile.json"]))
        #expect(cases.validCases.first?.isOwnGolden == true)
    }

    @Test func incompleteCasesAreProblems() throws {
        let cases = CaseFolder.discover(in: try folder(["invalid-orphan.error", "valid-twice.tsv", "valid-twice.csv"]))
        #expect(cases.problems == [
            "invalid-orphan: invalid-orphan.error has no input file beside it",
            "valid-twice: several input files (valid-twice.csv, valid-twice.tsv); a case has one input, companions are named valid-twice+<role>.<ext>",
        ])
    }

    @Test func expectedErrorFiles() throws {
        #expect(try ExpectedError.parse("# comment\ncode: syntax\nline: 3\n").get() == ExpectedError(code: "syntax", line: 3))
        #expect(try ExpectedError.parse("code: empty-input").get() == ExpectedError(code: "empty-input"))
        #expect(throws: ExpectedErrorProblem(line: nil, reason: "no `code:` line")) { try ExpectedError.parse("line: 2").get() }
        #expect(throws: ExpectedErrorProblem(line: 1, reason: "unknown key 'kode' (use code: and line:)")) {
            try ExpectedError.parse("kode: syntax").get()
        }
    }
}
