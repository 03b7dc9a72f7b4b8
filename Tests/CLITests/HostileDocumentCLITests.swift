import Foundation
import Testing

/// Hostile XML and YAML through the built `mhub`: each is refused with a typed error naming
/// its line, exit status 1 and no output file, and at once — the time bound below only guards
/// against a blow-up (an expanding bomb takes minutes or is killed for memory), it is not a
/// performance figure.
@Suite struct HostileDocumentCLITests {
    struct Hostile: Sendable, CustomStringConvertible {
        var name: String
        var format: String
        var text: String
        var code: String
        var line: Int
        var description: String { name }
    }

    static let cases: [Hostile] = [
        Hostile(name: "xml-external-entity-file.profile.xml", format: "mhub-xml",
                text: "<?xml version=\"1.0\"?>\n<!DOCTYPE map [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<map xmlns=\"http://www.w3.org/2005/xpath-functions\"><string key=\"format\">&x;</string></map>\n",
                code: "unsupported", line: 2),
        Hostile(name: "xml-external-entity-url.profile.xml", format: "mhub-xml",
                text: "<!DOCTYPE map [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>\n<map xmlns=\"http://www.w3.org/2005/xpath-functions\">&x;</map>\n",
                code: "unsupported", line: 1),
        Hostile(name: "xml-billion-laughs.profile.xml", format: "mhub-xml", text: billionLaughs, code: "unsupported", line: 2),
        Hostile(name: "xml-quadratic.profile.xml", format: "mhub-xml",
                text: "<!DOCTYPE map [<!ENTITY a \"" + String(repeating: "a", count: 50_000) + "\">]>\n<map xmlns=\"http://www.w3.org/2005/xpath-functions\"><string key=\"format\">"
                    + String(repeating: "&a;", count: 20_000) + "</string></map>\n",
                code: "unsupported", line: 1),
        Hostile(name: "xml-deep.profile.xml", format: "mhub-xml",
                text: "<map xmlns=\"http://www.w3.org/2005/xpath-functions\">\n" + String(repeating: "<array key=\"x\">\n", count: 1) + String(repeating: "<array>\n", count: 5000)
                    + String(repeating: "</array>", count: 5001) + "</map>\n",
                code: "limit-exceeded", line: 65),
        Hostile(name: "yaml-alias-bomb.profile.yaml", format: "mhub-yaml", text: "format: mhub-profile\n" + aliasBomb,
                code: "limit-exceeded", line: 0),
        Hostile(name: "yaml-duplicate-key.profile.yaml", format: "mhub-yaml",
                text: "format: mhub-profile\nformat_version: 1\nformat_version: 2\n", code: "syntax", line: 3),
        Hostile(name: "yaml-unknown-tag.profile.yaml", format: "mhub-yaml",
                text: "format: mhub-profile\nformat_version: !!python/object/apply:os.system [\"true\"]\n", code: "unsupported", line: 2),
        Hostile(name: "yaml-deep.profile.yaml", format: "mhub-yaml",
                text: "format: mhub-profile\nx: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n",
                code: "limit-exceeded", line: 2),
    ]

    static var billionLaughs: String {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        return text + "]>\n<lolz>&lol9;</lolz>\n"
    }

    static var aliasBomb: String {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }

    @Test(arguments: cases)
    func isRefusedWithItsLineAndNoOutput(_ hostile: Hostile) throws {
        let directory = try MHubRunner.scratchDirectory()
        let input = directory.appendingPathComponent(hostile.name)
        try Data(hostile.text.utf8).write(to: input)
        let started = Date()
        let result = try MHubRunner.run(["convert", "--from", hostile.format, input.path, "-o", "out.profile.json"], in: directory)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error [\(hostile.code)]"), "\(result.stderr)")
        if hostile.line > 0 {
            #expect(result.stderr.contains("\(hostile.name):\(hostile.line)"), "\(result.stderr)")
        } else {
            #expect(result.stderr.contains(hostile.name + ":"), "\(result.stderr)")
        }
        #expect(try MHubRunner.listing(directory) == [hostile.name], "no output file may be left")
        #expect(elapsed < 5, "took \(elapsed) s")
    }

    @Test func theWorkedXMLDescriptorPassesTheConformanceKit() throws {
        let root = MHubRunner.packageRoot
        let result = try MHubRunner.run(["conformance", "--descriptor", "examples/descriptors/example-lab-xml-v1.yaml",
                                         "--cases", "examples/descriptors/cases/example-lab-xml"], in: root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func theRecentrifugeKronaPageConverts() throws {
        let directory = try MHubRunner.scratchDirectory()
        let page = MHubRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/krona_xml/recentrifuge_TEST.rcf.html")
        let result = try MHubRunner.run(["convert", page.path, "-o", "chart.profile.yaml"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: directory.appendingPathComponent("chart.profile.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("format: mhub-profile\n"))
        #expect(text.contains("source-format: krona-xml"))
    }
}
