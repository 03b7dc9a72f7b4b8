import FormatKit
import ProfileModel
import StreamingJSON

/// Profile JSON (`mhub-json`), the hub's own lossless format: every part of a
/// ``ProfileModel/ProfileTable`` — samples with typed metadata, taxa with lineage, label,
/// taxon id and metadata, the sparse abundances, unit, structure, provenance and
/// diagnostics — written so that export → import → export gives identical bytes.
///
/// It is the golden format of every conformance case and the wire format of external
/// plugins. The layout is described by `Formats/schemas/profile.schema.json` (JSON Schema
/// draft 2020-12); this plugin reads and writes `format_version` 1:
///
/// ```json
/// {
///   "format": "mhub-profile",
///   "format_version": 1,
///   "notes": [
///     {"code":"abundance.fractional-counts","message":"…","severity":"info"}
///   ],
///   "provenance": {
///     "source": {"lab":"Example Lab"},
///     "steps": [
///       {"action":"import","format":"kraken2-report","parameters":{"file":"s1.kreport"}}
///     ]
///   },
///   "samples": [
///     {"id":"S1","metadata":{"age":41,"collected":{"date":"2016-07-29"},"ph":7.0}}
///   ],
///   "structure": "leaves",
///   "taxa": [
///     {"id":"816","label":"g__Bacteroides","lineage":[["domain","Bacteria"],["genus","Bacteroides"]],"taxon_id":"ncbi:816"}
///   ],
///   "unit": "counts",
///   "values": {
///     "S1": [[0,120]]
///   }
/// }
/// ```
///
/// - Keys are sorted by UTF-8 bytes at every level; the top-level names are chosen so that
///   `format` comes first (detection) and `samples`/`taxa` precede `values` (one-pass import).
/// - `values` maps each sample id to its non-zero `[taxon index, value]` pairs in taxon order;
///   the index points into `taxa`. Numbers are the shortest text that reads back to the same
///   `Double`, so counts stay integers.
/// - Metadata is typed without ambiguity (see ``ProfileJSONMetadata``): `5` is an integer,
///   `5.0` a number, `{"date": "…"}` a date, `{"object": {…}}` an object.
/// - Empty metadata, lineages, notes and provenance are left out; a missing `taxon_id` means none.
///
/// Import accepts any key order and any whitespace, streams the values, and fails with the
/// line, column and JSON path of the first problem: an unknown `format_version` is
/// `unsupported`, values for an unknown sample or a taxon index outside `taxa` are
/// `shape-mismatch`, NaN or negative values `invalid-value`, a repeated sample id
/// `duplicate-sample`, a truncated file `syntax`.
///
/// Export loses nothing. A taxon id whose system contains `:` cannot be written (it would
/// read back split differently) and is an `ExportError.cannotRepresent`.
public struct ProfileJSONFormat: ProfileImporter, ProfileExporter {
    public init() {}

    /// A planned export: the table as it is, since profile JSON loses nothing.
    public struct Plan: ExportPlan {
        let table: ProfileTable
        public var losses: [DeclaredLoss] { [] }
    }

    public var format: FormatDescription {
        FormatDescription(
            id: "mhub-json",
            name: "MicrobiomeHub profile JSON",
            summary: "The hub's lossless profile format: samples, taxa, abundances, typed metadata, provenance and diagnostics.",
            versions: ProfileJSONLayout.readableVersions.map(String.init),
            extensions: ["profile.json", "json"],
            mediaType: "application/json",
            specURL: "Formats/schemas/profile.schema.json",
            canImport: true,
            canExport: true,
            isLossless: true)
    }

    /// A match when the prefix is a JSON object that declares `"format": "mhub-profile"`;
    /// unsure for an object in a `.profile.json` file without the marker in the prefix.
    public func detect(_ prefix: InputPrefix) -> Detection {
        let text = prefix.text.drop { $0.isWhitespace }
        guard text.first == "{" else { return .noMatch }
        if text.contains(/"format"\s*:\s*"mhub-profile"/) {
            return .match(confidence: 1, reason: "a JSON object declaring \"format\": \"mhub-profile\"")
        }
        if prefix.fileName.lowercased().hasSuffix(".profile.json") || prefix.fileName.lowercased().hasSuffix(".profile.json.gz") {
            return .unsure(reason: "a JSON object named *.profile.json, but no \"format\": \"mhub-profile\" in its first bytes")
        }
        return .noMatch
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var reader = JSONReader(stream: try input.openText())
        var decoder = ProfileJSONDecoder(file: input.name, forcedUnit: options.unit)
        do throws(JSONReadError) {
            return try decoder.decode(&reader)
        } catch {
            throw error.importError(file: input.name, path: reader.path.isEmpty ? nil : reader.path)
        }
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> Plan {
        Plan(table: table)
    }

    public func write(_ plan: Plan, to output: inout OutputSink) throws(ExportError) {
        try ProfileJSONEncoder.write(plan.table, to: &output)
    }
}
