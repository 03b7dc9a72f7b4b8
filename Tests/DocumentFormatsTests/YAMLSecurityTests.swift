import FormatKit
import Foundation
import Testing

/// Hostile or ambiguous YAML given to `mhub-yaml` (and to YAML document descriptors) is
/// refused with a typed error at its line.
@Suite struct YAMLSecurityTests {
    static let aliasBomb: String = {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }()

    private func failure(_ text: String) throws -> ImportError? {
        if case .failure(let error) = try DocumentTestSupport.read(text: text, name: "hostile.profile.yaml", as: "mhub-yaml") {
            return error
        }
        return nil
    }

    @Test func anAliasBombIsRefusedAtTheAlias() throws {
        let error = try failure("format: mhub-profile\n" + Self.aliasBomb)
        guard case .limitExceeded(let location, _)? = error else {
            Issue.record("expected limit-exceeded, got \(String(describing: error))")
            return
        }
        #expect(location.line != nil)
    }

    @Test func aDuplicateKeyIsAnError() throws {
        let error = try failure("format: mhub-profile\nformat_version: 1\nformat: other\n")
        guard case .syntax(let location, let reason)? = error else {
            Issue.record("expected syntax, got \(String(describing: error))")
            return
        }
        #expect(location.line == 3)
        #expect(reason.contains("twice"))
    }

    @Test func anUnknownTagIsAnError() throws {
        let error = try failure("format: mhub-profile\nformat_version: !!python/object:os.system 1\n")
        guard case .unsupported(let location, _)? = error else {
            Issue.record("expected unsupported, got \(String(describing: error))")
            return
        }
        #expect(location.line == 2)
    }

    @Test func deepNestingIsBounded() throws {
        let text = "format: mhub-profile\nx: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        let error = try failure(text)
        guard case .limitExceeded(let location, _)? = error else {
            Issue.record("expected limit-exceeded, got \(String(describing: error))")
            return
        }
        #expect(location.line == 2)
    }

    @Test func aYAMLDocumentDescriptorRefusesDuplicateKeysToo() throws {
        let descriptor = """
        descriptor: 1
        id: yaml-report
        name: YAML report
        document: {syntax: yaml, records: taxa}
        sample: {file_name: true}
        columns: {taxon_name: name, abundance: reads}
        """
        let report = "taxa:\n- name: Bacteroides\n  reads: 5\n  reads: 6\n"
        let error = try DescriptorSupport.failure(descriptor: descriptor, report: report, name: "report.yaml")
        guard case .syntax(let location, _)? = error else {
            Issue.record("expected syntax, got \(String(describing: error))")
            return
        }
        #expect(location.line == 4)
    }
}
