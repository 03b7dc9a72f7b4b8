import FormatDescriptors
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

    /// The registry a run uses: the compiled plugins, then the built-in descriptors
    /// (`Formats/descriptors/`, embedded in the binary), then the descriptors found in
    /// `options.formatsDirectories`, then external plugins.
    ///
    /// Every broken descriptor is reported, each with all of its problems, before failing.
    public static func registry(_ options: RegistryOptions = RegistryOptions()) throws(PluginLoadError) -> FormatRegistry {
        var (descriptors, errors) = DescriptorCatalog.builtIn()
        for directory in options.formatsDirectories {
            let found = DescriptorCatalog.load(directory: directory)
            descriptors += found.descriptors
            errors += found.errors
        }
        guard errors.isEmpty else { throw .descriptors(errors) }
        do {
            return try FormatRegistry(compiled + descriptors.map(DescriptorFormat.init))
        } catch {
            throw .registry(error)
        }
    }
}

/// Why the registry could not be assembled.
public enum PluginLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A plugin was rejected (duplicate or invalid id, capability mismatch).
    case registry(RegistryError)
    /// Descriptor files are broken; each error lists all problems of its file.
    case descriptors([DescriptorError])

    public var description: String {
        switch self {
        case .registry(let error): "error [registry]: \(error)"
        case .descriptors(let errors): errors.map(\.description).joined(separator: "\n")
        }
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
