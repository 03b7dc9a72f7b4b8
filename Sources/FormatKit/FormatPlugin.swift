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
/// 2. `read` builds through ``ProfileTableBuilder`` and fails only with ``ImportError``,
///    carrying the file and line (or path) of the problem; it never crashes or hangs.
/// 3. The same bytes give the same table, under CRLF, a BOM, gzip or a missing final newline.
public protocol ProfileImporter: FormatPlugin {
    /// How well the bounded prefix of an input matches this format.
    func detect(_ prefix: InputPrefix) -> Detection
    /// Reads the whole input.
    func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable
}

/// A plugin that writes a ``ProfileTable`` in a format.
///
/// Rules every exporter follows (and the conformance kit checks):
/// 1. Export then re-import gives the same table, except for what ``losses(for:options:)`` declares.
/// 2. The same table gives byte-identical output every time.
public protocol ProfileExporter: FormatPlugin {
    /// What this particular table loses when written in this format with these options
    /// (the same options ``write(_:to:options:)`` gets: a layout option can drop a field).
    func losses(for table: ProfileTable, options: ExportOptions) -> [DeclaredLoss]
    /// Writes the table.
    func write(_ table: ProfileTable, to output: inout OutputSink, options: ExportOptions) throws(ExportError)
}

/// Something the target format cannot carry, reported as `export.field-dropped` instead of
/// being dropped silently.
public struct DeclaredLoss: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The model field that is lost (`provenance.steps`, `samples.metadata`, `taxa.lineage`, `unit`).
    public var field: String
    /// What exactly is lost.
    public var detail: String

    public init(field: String, detail: String) {
        self.field = field
        self.detail = detail
    }

    public var description: String { "\(field): \(detail)" }

    /// The loss as a diagnostic with code `export.field-dropped`.
    public func diagnostic(format: String) -> Diagnostic {
        Diagnostic(code: "export.field-dropped", message: "\(format) cannot carry \(field): \(detail)")
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
public struct ImportOptions: Sendable, Hashable {
    /// Force the unit instead of taking or inferring it from the file.
    public var unit: AbundanceUnit?
    /// The sample id for single-sample formats whose file does not name the sample.
    public var sampleID: String?
    /// Fail on any warning diagnostic.
    public var strict: Bool
    /// Plugin-specific settings (`key=value` from `--option`).
    public var parameters: [String: String]

    public init(unit: AbundanceUnit? = nil, sampleID: String? = nil, strict: Bool = false,
                parameters: [String: String] = [:]) {
        self.unit = unit
        self.sampleID = sampleID
        self.strict = strict
        self.parameters = parameters
    }
}

/// Options for an export.
public struct ExportOptions: Sendable, Hashable {
    /// Plugin-specific settings (`key=value` from `--option`).
    public var parameters: [String: String]

    public init(parameters: [String: String] = [:]) {
        self.parameters = parameters
    }
}
