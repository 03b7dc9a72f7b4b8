import Foundation
import Testing
@testable import FormatKit

@Suite("Declared plugin options")
struct PluginOptionTests {
    private enum Orientation: String, CaseIterable {
        case taxaAsRows = "taxa-as-rows", samplesAsRows = "samples-as-rows"
    }

    private let declarations = OptionDeclarations(format: "wide-tsv", direction: .export, options: [
        .choice("orientation", of: Orientation.self, defaultValue: .taxaAsRows, help: "which way"),
        PluginOption(name: "compression", kind: .integer(0...9), defaultValue: "1", help: "deflate level"),
        PluginOption(name: "taxonomy", kind: .text, help: "system"),
    ])

    @Test func declaredSettingsPass() throws {
        try declarations.validate(["orientation": "samples-as-rows", "compression": "9", "taxonomy": "gtdb"])
        try declarations.validate([:])
    }

    @Test func aMisspeltNameIsUnknownAndSuggestsTheNearestDeclaredOne() throws {
        let error = try #require(throws: OptionError.self) { try declarations.validate(["orientaton": "samples-as-rows"]) }
        #expect(error == .unknown(format: "wide-tsv", direction: .export, name: "orientaton", suggestion: "orientation",
                                  declared: ["orientation", "compression", "taxonomy"]))
        #expect(error.description.contains("did you mean 'orientation'?"))
        #expect(error.description.contains("--export-option"))
    }

    @Test func aNameFarFromEveryDeclaredOneGetsNoSuggestion() throws {
        let error = try #require(throws: OptionError.self) { try declarations.validate(["matrix-type": "dense"]) }
        guard case .unknown(_, _, _, let suggestion, _) = error else { Issue.record("\(error)"); return }
        #expect(suggestion == nil)
        #expect(error.description.contains("it takes orientation, compression, taxonomy"))
    }

    @Test func aPluginWithoutOptionsSaysSo() throws {
        let none = OptionDeclarations(format: "biom-tsv", direction: .export, options: [])
        let error = try #require(throws: OptionError.self) { try none.validate(["orientation": "taxa-as-rows"]) }
        #expect(error.description.contains("it takes no export options"))
    }

    @Test(arguments: [("orientation", "diagonal"), ("compression", "3.5"), ("compression", "10"), ("compression", "-1"),
                      ("taxonomy", "")])
    func valuesOutsideTheDeclarationAreRefused(name: String, value: String) throws {
        let error = try #require(throws: OptionError.self) { try declarations.validate([name: value]) }
        guard case .invalidValue(let format, let direction, let refused, let given, _) = error else {
            Issue.record("\(error)")
            return
        }
        #expect((format, direction, refused, given) == ("wide-tsv", .export, name, value))
    }

    @Test func typedReadingGivesTheValueOrTheDefault() throws {
        let orientation = declarations.options[0], compression = declarations.options[1]
        let given = ExportOptions(parameters: ["orientation": "samples-as-rows", "compression": "0"])
        #expect(try given.choice(orientation, as: Orientation.self, format: "wide-tsv", direction: .export) == .samplesAsRows)
        #expect(try given.integer(compression, format: "wide-tsv", direction: .export) == 0)
        let defaults = ExportOptions()
        #expect(try defaults.choice(orientation, as: Orientation.self, format: "wide-tsv", direction: .export) == .taxaAsRows)
        #expect(try defaults.integer(compression, format: "wide-tsv", direction: .export) == 1)
        #expect(throws: OptionError.self) {
            try ExportOptions(parameters: ["compression": "x"]).integer(compression, format: "wide-tsv", direction: .export)
        }
    }

    @Test func representativeValuesAreEveryChoiceAndTheEndsOfARange() {
        #expect(declarations.options.map(\.representativeValues) == [["taxa-as-rows", "samples-as-rows"], ["0", "9"], []])
    }

    /// External plugins declare options in `describe` in this JSON form.
    @Test func optionsReadAndWriteTheDescribeForm() throws {
        let json = """
            [{"name": "line-ending", "type": "choice", "values": ["lf", "crlf"], "default": "lf", "help": "row ends"},
             {"name": "level", "type": "integer", "minimum": 0, "maximum": 9, "help": "deflate"},
             {"name": "system", "type": "text", "help": "taxonomy"}]
            """
        let options = try JSONDecoder().decode([PluginOption].self, from: Data(json.utf8))
        #expect(options.map(\.kind) == [.choice(["lf", "crlf"]), .integer(0...9), .text])
        #expect(options[0].defaultValue == "lf")
        #expect(try JSONDecoder().decode([PluginOption].self, from: JSONEncoder().encode(options)) == options)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PluginOption.self, from: Data(#"{"name": "x", "type": "float", "help": "h"}"#.utf8))
        }
    }

    @Test func editDistanceCountsSingleCharacterEdits() {
        #expect(EditDistance.between("orientaton", "orientation") == 1)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("mdoe", "mode") == 1)
    }
}
