import FormatKit
import ProfileFormats
import ProfileModel
import SafeYAML

/// Profile YAML (`mhub-yaml`): the hub's lossless profile document — exactly what profile JSON
/// (`mhub-json`) carries, key for key — written as readable block-style YAML for people who
/// review or hand-edit profiles:
///
/// ```yaml
/// format: mhub-profile
/// format_version: 2
/// samples:
/// - id: S1
///   metadata:
///     age: 41
///     collected:
///       date: "2016-07-29"
/// structure: leaves
/// taxa:
/// - id: "816"
///   label: g__Bacteroides
///   lineage:
///   - [domain, Bacteria]
///   - [genus, Bacteroides]
///   taxon_id: "ncbi:816"
/// unit: counts
/// values:
///   S1:
///   - [0, 120]
/// ```
///
/// The layout is profile JSON's (`Formats/schemas/profile.schema.json`); the mapping between
/// model and document is shared through ``ProfileFormats/ProfileDocument``, so both formats
/// always carry the same fields. Written with libyaml's emitter: keys in profile JSON's order,
/// texts quoted only where a YAML 1.1 or 1.2 reader would otherwise type them, short scalar
/// lists on one line. Python's `yaml.safe_load` reads an export as exactly the data
/// `json.load` reads from the profile JSON export of the same table.
///
/// Read with libyaml's event parser through ``SafeYAML`` (bounded input size, nesting depth,
/// node count and alias expansion, so an alias bomb fails at once), then checked strictly:
/// repeated keys, unknown tags and non-text keys are errors at their line, and everything
/// profile JSON checks is checked the same way, reported at the line of the YAML value.
/// Export loses nothing.
public struct ProfileYAMLFormat: ProfileImporter, ProfileExporter {
    /// Limits for profile documents: larger than a configuration file, still bounded.
    static let limits = YAMLLimits(maxInputBytes: 256 << 20, maxDepth: 64, maxNodes: 20_000_000,
                                   maxAliasExpandedNodes: 10_000)

    public init() {}

    public var format: FormatDescription {
        FormatDescription(
            id: "mhub-yaml",
            name: "MicrobiomeHub profile YAML",
            summary: "The hub's lossless profile document (as profile JSON) in readable block-style YAML.",
            versions: [String(ProfileDocument.layoutVersion)],
            extensions: ["profile.yaml", "profile.yml", "yaml", "yml"],
            mediaType: "application/yaml",
            specURL: "Formats/schemas/profile.schema.json",
            canImport: true,
            canExport: true, isLossless: true)
    }

    /// A match when a top-level line declares `format: mhub-profile`.
    public func detect(_ prefix: InputPrefix) -> Detection {
        // A regex literal is compiled each time it is evaluated: only lines that can match reach it.
        let declares = prefix.lines.prefix(50).contains { line in
            line.contains("mhub-profile") && line.wholeMatch(of: /format:\s*["']?mhub-profile["']?\s*/) != nil
        }
        return declares ? .match(confidence: 1, reason: "a YAML mapping declaring format: mhub-profile") : .noMatch
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let bytes = try input.readAllText(limit: Self.limits.maxInputBytes)
        let root: YAMLNode
        do throws(YAMLError) {
            root = try YAMLReader.document(in: bytes, file: input.name, limits: Self.limits)
            try YAMLStrictness.check(root, file: input.name)
        } catch {
            throw error.importError
        }
        let events = YAMLDocumentEvents(file: input.name)
        return try ProfileDocument.read(input, options: options) { sink throws(ImportError) in
            try events.emit(root, into: sink)
        }
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> LosslessExportPlan {
        LosslessExportPlan(table: table)
    }

    public func write(_ plan: LosslessExportPlan, to output: inout OutputSink) throws(ExportError) {
        var emitter = YAMLDocumentEmitter()
        try ProfileDocument.write(plan.table, to: &emitter, output: &output)
        try emitter.finish(to: &output)
    }
}
