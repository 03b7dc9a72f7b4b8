import FormatKit

/// What an external plugin answers to `describe`: its format description, its options, what
/// export loses, and how to recognise its inputs. See `Formats/EXTERNAL_PLUGINS.md`.
struct ExternalPluginDescription: Sendable, Decodable {
    /// The protocol version the plugin speaks; this hub speaks version 1.
    var `protocol`: Int
    var id: String
    var name: String
    var summary: String?
    var versions: [String]?
    var extensions: [String]?
    var mediaType: String?
    var specURL: String?
    var `import`: Bool
    var export: Bool
    var binary: Bool?
    var losses: [DeclaredLoss]?
    /// The `--option` settings `import` takes; the hub passes no others.
    var importOptions: [PluginOption]?
    /// The `--option` settings `export` takes; the hub passes no others.
    var exportOptions: [PluginOption]?
    var detect: ExternalDetectionRule?

    /// The protocol version this hub speaks.
    static let protocolVersion = 1

    /// The description in the registry's terms.
    var format: FormatDescription {
        FormatDescription(id: id, name: name, summary: summary ?? name, versions: versions ?? [],
                          extensions: extensions ?? [], mediaType: mediaType, specURL: specURL,
                          canImport: self.import, canExport: export,
                          exportLosses: (losses ?? []).map(\.description),
                          importOptions: importOptions ?? [], exportOptions: exportOptions ?? [],
                          isBinary: binary ?? false, kind: .external)
    }

    /// Why the description is unusable for an executable with this file name, if it is.
    func problem(executableName: String) -> String? {
        if self.protocol != Self.protocolVersion {
            return "speaks protocol \(self.protocol); this hub speaks protocol \(Self.protocolVersion)"
        }
        guard FormatDescription.isValidID(id) else { return "'\(id)' is not a valid format id" }
        if executableName != ExternalPluginLoader.executablePrefix + id {
            return "describes format '\(id)' but is named \(executableName); name it \(ExternalPluginLoader.executablePrefix)\(id)"
        }
        if !self.import && !export { return "neither imports nor exports" }
        if self.import == false, importOptions?.isEmpty == false { return "declares import options but does not import" }
        if !export, exportOptions?.isEmpty == false { return "declares export options but does not export" }
        return detect?.problem
    }
}
