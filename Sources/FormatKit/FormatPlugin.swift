import ProfileModel

/// A format plugin: a stateless value that describes one format.
public protocol FormatPlugin: Sendable {
    /// The format's description; fixed for the plugin's lifetime.
    var format: FormatDescription { get }
}

/// A plugin that reads a format into a ``ProfileTable``.
///
/// Rules every importer follows (and the conformance kit checks):
/// 1. `detect` never throws, reads only the bounded prefix, and claims only what it can read.
///    What it found out on the way (a dialect, a header line) it returns as findings, which
///    ``read(_:options:)`` receives in ``ImportOptions/findings`` when detection picked it.
/// 2. `read` builds through ``ProfileTableBuilder`` and fails only with ``ImportError``,
///    carrying the file and line (or path) of the problem; it never crashes or hangs.
/// 3. The same bytes give the same table, under CRLF, a BOM, gzip or a missing final newline.
/// 4. `read` records nothing about the import itself: the import step and the `source-format`
///    and `source-file` facts are written once, by ``ImportSession``.
public protocol ProfileImporter: FormatPlugin {
    /// How well the bounded prefix of an input matches this format.
    func detect(_ prefix: InputPrefix) -> Detection
    /// Reads the whole input.
    func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable
}

/// What an exporter worked out about one table before writing it: the losses, and whatever
/// the writer needs (the table as written, mappings, headers), computed once.
public protocol ExportPlan: Sendable {
    /// What this table loses when written with these options.
    var losses: [DeclaredLoss] { get }
}

/// A plugin that writes a ``ProfileTable`` in a format, in two steps: a plan (what will be
/// written and what is lost), then the bytes. ``ExportSession`` makes the plan once and gives
/// the same plan to the policy (the losses) and to ``write(_:to:)``.
///
/// Rules every exporter follows (and the conformance kit checks):
/// 1. Export then re-import gives the same table, except for what the plan's losses declare.
/// 2. The same table gives byte-identical output every time.
public protocol ProfileExporter: FormatPlugin {
    associatedtype Plan: ExportPlan
    /// Works out how `table` is written with `options`; fails when the format cannot hold it.
    func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> Plan
    /// Writes a plan made by ``plan(_:options:)``.
    func write(_ plan: Plan, to output: inout OutputSink) throws(ExportError)
}

extension ProfileExporter {
    /// The losses of writing `table` with `options` (a plan made just to list them).
    public func losses(for table: ProfileTable, options: ExportOptions) throws(ExportError) -> [DeclaredLoss] {
        try plan(table, options: options).losses
    }

    /// Plans and writes `table` in one go, returning the plan's losses.
    @discardableResult
    public func write(_ table: ProfileTable, to output: inout OutputSink, options: ExportOptions) throws(ExportError) -> [DeclaredLoss] {
        let plan = try plan(table, options: options)
        try write(plan, to: &output)
        return plan.losses
    }
}

/// Something the target format cannot carry, reported as `export.field-dropped` instead of
/// being dropped silently.
public struct DeclaredLoss: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The part of the model that is lost.
    public var field: ProfileField
    /// What exactly is lost.
    public var detail: String

    public init(field: ProfileField, detail: String) {
        self.field = field
        self.detail = detail
    }

    public var description: String { "\(field.rawValue): \(detail)" }

    /// The loss as a diagnostic with code `export.field-dropped`.
    public func diagnostic(format: String) -> Diagnostic {
        Diagnostic(.exportFieldDropped, message: "\(format) cannot carry \(field.rawValue): \(detail)")
    }
}

/// A text encoding an input can be forced to.
public enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
}

/// Options for an import: overrides users give on the command line.
public struct ImportOptions: Sendable, Hashable, PluginSettings {
    /// Force the unit instead of taking or inferring it from the file.
    public var unit: AbundanceUnit?
    /// The sample id for single-sample formats whose file does not name the sample.
    public var sampleID: String?
    /// Plugin-specific settings (`key=value` from `--option`), checked against the plugin's
    /// declared ``FormatDescription/importOptions``.
    public var parameters: [String: String]
    /// What the importer's own `detect` found, when detection picked it (set by ``ImportSession``).
    public var findings: DetectionFindings?

    public init(unit: AbundanceUnit? = nil, sampleID: String? = nil, parameters: [String: String] = [:],
                findings: DetectionFindings? = nil) {
        self.unit = unit
        self.sampleID = sampleID
        self.parameters = parameters
        self.findings = findings
    }
}

/// Options for an export.
public struct ExportOptions: Sendable, Hashable, PluginSettings {
    /// Plugin-specific settings (`key=value` from `--export-option`), checked against the
    /// plugin's declared ``FormatDescription/exportOptions``.
    public var parameters: [String: String]

    public init(parameters: [String: String] = [:]) {
        self.parameters = parameters
    }
}
