import BIOMFormats
import ExternalPlugins
import FormatDescriptors
import FormatKit
import Foundation
import KrakenFormats
import MetaPhlAnFormats
import MothurFormats
import ProfileFormats
import QIIME2Formats
import ShotgunFormats
import TabularFormats
import XMLFormats
import YAMLFormats

/// The one place that lists every plugin compiled into the hub.
///
/// A guard test checks this list against the folders in `Plugins/`.
public enum BuiltInFormats {
    /// Every compiled plugin, in the order `mhub formats` lists them.
    public static let compiled: [any FormatPlugin] = [
        ProfileJSONFormat(),
        // Plugins/TabularFormats
        BIOMTSVFormat(), WideTSVFormat(), WideCSVFormat(), LongTSVFormat(), LongCSVFormat(),
        // Plugins/BIOMFormats
        BIOMJSONFormat(), BIOMHDF5Format(),
        // Plugins/KrakenFormats
        Kraken2ReportFormat(), BrackenReportFormat(), KrakenUniqReportFormat(), CentrifugeKreportFormat(), KrakenMPAFormat(),
        // Plugins/MetaPhlAnFormats
        MetaPhlAnProfileFormat(), MetaPhlAnMergedTableFormat(),
        // Plugins/ShotgunFormats
        MOTUsProfileFormat(), CAMIProfileFormat(), DIAMONDTaxonomyFormat(), MEGANTaxonCountsFormat(), CentrifugeReportFormat(), KronaTextFormat(),
        MAPseqFormat(),
        // Plugins/XMLFormats
        ProfileXMLFormat(), KronaXMLFormat(),
        // Plugins/YAMLFormats
        ProfileYAMLFormat(),
        // Plugins/MothurFormats
        MothurSharedFormat(),
        // Plugins/QIIME2Formats
        QIIME2ArtifactFormat(),
    ]

    /// The id of the format external plugins exchange tables in.
    public static let wireFormatID = "mhub-json"

    /// The registry a run uses: the compiled plugins, then the built-in descriptors
    /// (`Formats/descriptors/`, embedded in the binary) and those in `options.formatsDirectories`,
    /// then external plugins from `options.pluginPaths` followed by the folders in `MHUB_PLUGIN_PATH`.
    ///
    /// Broken descriptors fail with `brokenDescriptors`, listing every problem of every file.
    public static func registry(_ options: RegistryOptions = RegistryOptions()) throws(RegistryError) -> FormatRegistry {
        let registry = try FormatRegistry(compiled + (try descriptorPlugins(options.formatsDirectories)))
        let folders = options.pluginPaths + ExternalPluginLoader.searchPath(options.environmentPluginPath)
        guard !folders.isEmpty else { return registry }
        return try registry.adding(try ExternalPluginLoader.discover(in: folders, wire: try wireCodec(in: registry),
                                                                     limits: options.externalLimits))
    }

    /// The built-in descriptors and those found in `directories`, as plugins.
    private static func descriptorPlugins(_ directories: [String]) throws(RegistryError) -> [any FormatPlugin] {
        var (descriptors, errors) = DescriptorCatalog.builtIn()
        for directory in directories {
            let found = DescriptorCatalog.load(directory: directory)
            descriptors += found.descriptors
            errors += found.errors
        }
        var problems = errors.flatMap(\.lines)
        var holders = Dictionary(compiled.map { ($0.format.id, "the compiled plugin '\($0.format.name)'") }) { first, _ in first }
        for descriptor in descriptors {
            if let holder = holders[descriptor.id] {
                problems.append(DescriptorError.invalid(file: descriptor.origin, problems: [
                    DescriptorProblem(file: descriptor.origin, line: idLine(of: descriptor.origin), column: nil,
                                      message: "id '\(descriptor.id)' is already taken by \(holder); give the descriptor an id of its own"),
                ]).lines[0])
            } else {
                holders[descriptor.id] = "the descriptor \(descriptor.origin)"
            }
        }
        guard problems.isEmpty else { throw .brokenDescriptors(problems: problems) }
        return descriptors.map(DescriptorFormat.init)
    }

    /// The line of a descriptor file's top-level `id:` key, for pointing at an id that is taken.
    private static func idLine(of path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("id:") }.map { $0 + 1 }
    }

    /// Loads one external plugin executable (for `mhub conformance --external`) beside the registry's plugins.
    public static func addingExternal(_ path: String, to registry: FormatRegistry,
                                      limits: ExternalPluginLimits = ExternalPluginLimits()) throws(RegistryError) -> (FormatRegistry, any FormatPlugin) {
        let plugin = try ExternalPluginLoader.load(executable: path, wire: try wireCodec(in: registry), limits: limits)
        return (try registry.adding([plugin]), plugin)
    }

    /// Adds one descriptor (for `mhub conformance --descriptor`) to the registry.
    ///
    /// The descriptor replaces a descriptor plugin with the same id, built-in or from a formats
    /// folder, for this registry only: an edited copy of a built-in descriptor is checked on its
    /// own, without the original competing for its cases. An id that a compiled or external
    /// plugin has is refused.
    public static func addingDescriptor(_ descriptor: Descriptor,
                                        to registry: FormatRegistry) throws(RegistryError) -> (FormatRegistry, any FormatPlugin) {
        let plugin = DescriptorFormat(descriptor)
        var plugins = registry.plugins
        if let position = plugins.firstIndex(where: { $0.format.id == descriptor.id }) {
            let holder = plugins[position].format
            guard holder.kind == .descriptor else {
                throw .pluginLoadFailed(path: descriptor.origin,
                                        reason: "its id '\(descriptor.id)' belongs to the \(holder.kind) plugin '\(holder.name)'; give the descriptor an id of its own")
            }
            plugins[position] = plugin
        } else {
            plugins.append(plugin)
        }
        return (try FormatRegistry(plugins), plugin)
    }

    /// The registry's profile JSON plugin, which external plugins exchange tables in.
    private static func wireCodec(in registry: FormatRegistry) throws(RegistryError) -> any ProfileImporter & ProfileExporter {
        guard let codec = registry.plugin(id: wireFormatID) as? any ProfileImporter & ProfileExporter else {
            throw .pluginLoadFailed(path: wireFormatID, reason: "external plugins need the \(wireFormatID) plugin, which is not registered")
        }
        return codec
    }
}

/// Where a run finds plugins beyond the compiled ones.
public struct RegistryOptions: Sendable {
    /// Folders of user descriptor files (`--formats-dir`).
    public var formatsDirectories: [String]
    /// Folders searched for external `mhub-format-<id>` executables (`--plugin-path`).
    public var pluginPaths: [String]
    /// The value of `MHUB_PLUGIN_PATH`: more folders, colon-separated, searched after `pluginPaths`.
    public var environmentPluginPath: String?
    /// Time and output limits for external plugins.
    public var externalLimits: ExternalPluginLimits

    public init(formatsDirectories: [String] = [], pluginPaths: [String] = [],
                environmentPluginPath: String? = ProcessInfo.processInfo.environment["MHUB_PLUGIN_PATH"],
                externalLimits: ExternalPluginLimits = ExternalPluginLimits()) {
        self.formatsDirectories = formatsDirectories
        self.pluginPaths = pluginPaths
        self.environmentPluginPath = environmentPluginPath
        self.externalLimits = externalLimits
    }
}
