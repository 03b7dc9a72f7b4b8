import ArgumentParser
import BuiltInFormats
import FormatKit

/// Shell completion of format ids (`mhub convert x --to <TAB>`): the formats that can import or
/// export, built in and found on `MHUB_PLUGIN_PATH`, that start with the word typed so far.
enum FormatCompletion {
    /// Completes `--from`: formats that import.
    static let importing = CompletionKind.custom { _, _, typed in ids(typed) { $0 is any ProfileImporter } }
    /// Completes `--to`: formats that export.
    static let exporting = CompletionKind.custom { _, _, typed in ids(typed) { $0 is any ProfileExporter } }

    private static func ids(_ typed: String, where keep: (any FormatPlugin) -> Bool) -> [String] {
        guard let registry = try? BuiltInFormats.registry(RegistryOptions()) else { return [] }
        return registry.plugins.filter(keep).map(\.format.id).filter { $0.hasPrefix(typed) }.sorted()
    }
}
