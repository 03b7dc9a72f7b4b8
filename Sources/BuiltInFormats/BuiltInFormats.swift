import FormatKit
import TabularFormats

/// The one place that lists every plugin compiled into the hub.
///
/// A guard test checks this list against the folders in `Plugins/`.
public enum BuiltInFormats {
    /// Every compiled plugin, in the order `mhub formats` lists them.
    public static let compiled: [any FormatPlugin] = [
        // Plugins/TabularFormats
        BIOMTSVFormat(), WideTSVFormat(), WideCSVFormat(), LongTSVFormat(), LongCSVFormat(),
    ]

    /// The registry a run uses: the compiled plugins, then descriptor plugins, then external plugins.
    public static func registry(_ options: RegistryOptions = RegistryOptions()) throws(RegistryError) -> FormatRegistry {
        try FormatRegistry(compiled)
    }
}

/// Where a run finds plugins beyond the compiled ones.
public struct RegistryOptions: Sendable {
    /// Folders of user descriptor files (`--formats-dir`).
    public var formatsDirectories: [String]
    /// Folders searched for external `mhub-format-<id>` executables (`--plugin-path`, `MHUB_PLUGIN_PATH`).
    public var pluginPaths: [String]

    public init(formatsDirectories: [String] = [], pluginPaths: [String] = []) {
        self.formatsDirectories = formatsDirectories
        self.pluginPaths = pluginPaths
    }
}
