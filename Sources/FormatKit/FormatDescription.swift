/// How a plugin is provided.
public enum PluginKind: String, Sendable, Hashable, Codable {
    /// Swift code compiled into the hub (`Plugins/`).
    case compiled
    /// A YAML layout description (`Formats/descriptors/`, or `--formats-dir`).
    case descriptor
    /// An executable `mhub-format-<id>` speaking the external plugin protocol.
    case external
}

/// A companion input an importer can take beside the main file (a taxonomy table beside counts).
public struct CompanionDescription: Sendable, Hashable, Codable {
    /// The role name users pass with `--companion ROLE=FILE`.
    public var role: String
    /// Whether the import fails without it.
    public var required: Bool
    public var summary: String

    public init(role: String, required: Bool, summary: String) {
        self.role = role
        self.required = required
        self.summary = summary
    }
}

/// Everything the hub and its users need to know about a format, before any file is read.
public struct FormatDescription: Sendable, Hashable, Codable {
    /// Stable id, lowercase letters, digits and dashes (`kraken2-report`, `biom-json`).
    public var id: String
    /// Human name (`Kraken 2 report`).
    public var name: String
    /// One sentence on what the format is and who writes it.
    public var summary: String
    /// Versions of the format this plugin covers.
    public var versions: [String]
    /// File name extensions, without the dot, most specific first (`biom`, `tsv.gz`).
    public var extensions: [String]
    /// IANA media type, when there is one.
    public var mediaType: String?
    /// Link to the format's specification or the writer's documentation.
    public var specURL: String?
    /// Whether the plugin imports and/or exports.
    public var canImport: Bool
    public var canExport: Bool
    /// What exporting to this format cannot carry (shown by `mhub formats`; per-table
    /// losses come from the export plan, ``ExportPlan/losses``).
    public var exportLosses: [String]
    /// Companion inputs the importer takes.
    public var companions: [CompanionDescription]
    /// The settings the importer takes (`--option name=value`); any other name is a usage error.
    public var importOptions: [PluginOption]
    /// The settings the exporter takes (`--export-option name=value`); any other name is a usage error.
    public var exportOptions: [PluginOption]
    /// Whether the format is binary (never text-decoded).
    public var isBinary: Bool
    /// The text encoding the importer reads an input without a byte order mark in, when it is
    /// not UTF-8 (a descriptor's declared `utf-16le`); the conformance kit's text mutations
    /// edit a case in it.
    public var textEncoding: TextEncoding?
    /// Whether the format carries the whole model (the hub's own formats). For every other format
    /// the export session declares the model's version 2 fields the table uses (per-sample sources,
    /// taxon origins, per-level ids, taxonomy releases) as losses, and `merge` writes per-sample
    /// sources as `source_*` sample metadata.
    public var isLossless: Bool
    /// Compiled, descriptor or external.
    public var kind: PluginKind

    public init(id: String, name: String, summary: String, versions: [String] = [], extensions: [String] = [],
                mediaType: String? = nil, specURL: String? = nil, canImport: Bool, canExport: Bool,
                exportLosses: [String] = [], companions: [CompanionDescription] = [],
                importOptions: [PluginOption] = [], exportOptions: [PluginOption] = [], isBinary: Bool = false,
                textEncoding: TextEncoding? = nil, isLossless: Bool = false, kind: PluginKind = .compiled) {
        self.id = id
        self.name = name
        self.summary = summary
        self.versions = versions
        self.extensions = extensions
        self.mediaType = mediaType
        self.specURL = specURL
        self.canImport = canImport
        self.canExport = canExport
        self.exportLosses = exportLosses
        self.companions = companions
        self.importOptions = importOptions
        self.exportOptions = exportOptions
        self.isBinary = isBinary
        self.textEncoding = textEncoding
        self.isLossless = isLossless
        self.kind = kind
    }

    /// Whether `id` is a valid format id: 1–64 characters of `a-z`, `0-9` and `-`, starting with a letter.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, (97...122).contains(first), id.utf8.count <= 64 else { return false }
        return id.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
    }

    /// Whether a file name ends with one of this format's extensions (ignoring a trailing `.gz`).
    public func matchesExtension(of fileName: String) -> Bool {
        var name = fileName.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        return extensions.contains { name.hasSuffix("." + $0.lowercased()) }
    }
}
