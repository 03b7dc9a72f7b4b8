import Foundation
import Testing

/// Python's PyYAML (`yaml.safe_load`) reads every `mhub-yaml` export as exactly the data that
/// `json.load` reads from the `mhub-json` export of the same table.
@Suite struct ProfileYAMLInteropTests {
    static let compare = """
    import json, sys, yaml
    with open(sys.argv[1], encoding="utf-8") as f:
        from_yaml = yaml.safe_load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        from_json = json.load(f)
    # The last provenance step is the export itself, which names the format written.
    for document in (from_yaml, from_json):
        document["provenance"]["steps"][-1].pop("format")
    def typed(value):
        # bool is a subclass of int in Python: compare types too, so True never equals 1.
        if isinstance(value, dict):
            return {key: typed(item) for key, item in value.items()}
        if isinstance(value, list):
            return [typed(item) for item in value]
        return (type(value).__name__, value)
    if typed(from_yaml) != typed(from_json):
        print("differ:", json.dumps(from_yaml, sort_keys=True)[:2000], json.dumps(from_json, sort_keys=True)[:2000])
        sys.exit(1)
    print("equal")
    """

    static var tables: [String] {
        let root = PeerTools.packageRoot
        let references = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Conformance/reference").path)) ?? []
        return references.filter { $0.hasSuffix(".profile.json") }.sorted().map { "Conformance/reference/\($0)" }
            + ["Conformance/mhub-json/valid-typed-metadata.profile.json", "Conformance/mhub-json/valid-unicode.profile.json",
               "Conformance/mhub-json/valid-diagnostics-provenance.profile.json", "Conformance/mhub-json/valid-cohort-v2.profile.json"]
    }

    @Test(arguments: tables)
    func pyYAMLReadsTheSameDataAsJSON(table: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-yaml-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = PeerTools.packageRoot.appendingPathComponent(table).path
        // Both exports come from the same imported table, so their provenance agrees too
        // except for the export step's format, which the comparison leaves out.
        let yaml = folder.appendingPathComponent("t.profile.yaml").path
        let json = folder.appendingPathComponent("t.profile.json").path
        for (output, format) in [(yaml, "mhub-yaml"), (json, "mhub-json")] {
            let result = try PeerTools.mhub("convert", source, "--to", format, "-o", output)
            #expect(result.status == 0, "\(result.summary)")
        }
        let script = folder.appendingPathComponent("compare.py")
        try Data(Self.compare.utf8).write(to: script)
        let outcome = try PeerTools.run(try PeerTools.python(), [script.path, yaml, json])
        #expect(outcome.status == 0, "\(outcome.summary)")
    }
}
