@testable import FormatDescriptors
import Foundation
import Testing

/// `Formats/README.md` documents every key the descriptor reader accepts, with its default.
@Suite struct DescriptorReferenceTests {
    /// The README's text under each section's heading, up to the next heading.
    static func sections() throws -> [String: String] {
        let text = try String(contentsOf: TableTestSupport.packageRoot.appendingPathComponent("Formats/README.md"), encoding: .utf8)
        let headings = ["": "### Top level", "dialect": "### `dialect`", "header": "### `header`",
                        "preamble": "### `preamble`", "sample": "### `sample`", "columns": "### `columns`",
                        "detect": "### `detect`", "document": "## Documents"]
        var sections: [String: String] = [:]
        for (section, heading) in headings {
            guard let start = text.range(of: "\n" + heading) else { continue }
            let rest = text[start.upperBound...]
            let end = rest.range(of: "\n#")?.lowerBound ?? rest.endIndex
            sections[section] = String(rest[..<end])
        }
        return sections
    }

    @Test func everyKeyHasARowAndEveryDefaultIsStated() throws {
        let sections = try Self.sections()
        for (section, keys) in DescriptorLoader.sectionKeys {
            let body = try #require(sections[section], "no README section for '\(section)'")
            let lines = body.split(separator: "\n")
            let hasDefaults = lines.contains { $0.hasPrefix("| key") && $0.hasSuffix("| default |") }
            for key in keys {
                let row = lines.first { $0.hasPrefix("| `\(key)`") || $0.hasPrefix("| `\(key):") }
                #expect(row != nil, "Formats/README.md: '\(section).\(key)' has no row")
                guard hasDefaults, let row else { continue }
                let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(cells.count >= 3 && !cells[cells.count - 2].isEmpty, "Formats/README.md: '\(section).\(key)' states no default")
            }
        }
    }

    @Test func anEmptyHeaderKeepsTheDefaultsAndAListIsShortForFind() throws {
        func layout(_ header: String) throws -> Descriptor {
            try DescriptorLoader.load(Array("""
            descriptor: 1
            id: tiny
            name: Tiny
            header: \(header)
            sample: {file_name: true}
            columns: {taxon_name: Organism, abundance: Reads}

            """.utf8), file: "tiny.yaml")
        }
        #expect(try layout("[]").layout.header == .sniffed)
        #expect(try layout("{}").layout.header == .sniffed)
        #expect(try layout("[Organism, Reads]").layout.header == .containing(["Organism", "Reads"]))
        #expect(try layout("[Organism, Reads]").detection.headerCells == ["Organism", "Reads"])
        #expect(throws: DescriptorError.self) { try layout("{find: []}") }
    }
}
