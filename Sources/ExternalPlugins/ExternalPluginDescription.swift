import FormatKit

/// What an external plugin answers to `describe`: its format description, what export
/// loses, and how to recognise its inputs. See `Formats/EXTERNAL_PLUGINS.md`.
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
    var detect: ExternalDetectionRule?

    /// The protocol version this hub speaks.
    static let protocolVersion = 1

    /// The description in the registry's terms.
    var format: FormatDescription {
        FormatDescription(id: id, name: name, summary: summary ?? name, versions: versions ?? [],
                          extensions: extensions ?? [], mediaType: mediaType, specURL: specURL,
                          canImport: self.import, canExport: export,
                          exportLosses: (losses ?? []).map(\.description), isBinary: binary ?? false,
                          kind: .external)
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
        if let loss = losses?.first(where: { $0.field.isEmpty }) { return "declares a loss without a field: \(loss.detail)" }
        return detect?.problem
    }
}
