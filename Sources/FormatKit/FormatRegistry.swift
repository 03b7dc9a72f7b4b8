/// Why a plugin could not be registered.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicateID(String)
    case invalidID(String)
    /// The description's capabilities disagree with the protocols the plugin implements.
    case capabilityMismatch(id: String, reason: String)
    /// A format id no plugin has, with the registered id it is most likely a typo of.
    case unknownFormat(String, suggestion: String?)
    case cannotImport(String)
    case cannotExport(String)
    /// An output name whose extension no exporter claims.
    case noExporterForOutput(String)
    /// An output name whose extension several exporters claim.
    case ambiguousOutput(name: String, candidates: [String])
    /// A descriptor or external plugin could not be loaded.
    case pluginLoadFailed(path: String, reason: String)
    /// Descriptor files break the descriptor language: every problem, each one line starting with its file and line.
    case brokenDescriptors(problems: [String])

    public var description: String {
        switch self {
        case .duplicateID(let id): "format id '\(id)' is registered twice"
        case .invalidID(let id): "'\(id)' is not a valid format id (lowercase letters, digits, dashes)"
        case .capabilityMismatch(let id, let reason): "format '\(id)': \(reason)"
        case .unknownFormat(let id, let suggestion):
            "no format with id '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + " (see `mhub formats`)"
        case .cannotImport(let id): "format '\(id)' cannot be imported"
        case .cannotExport(let id): "format '\(id)' cannot be exported"
        case .noExporterForOutput(let name): "no exporter recognises the extension of '\(name)'; pass --to"
        case .ambiguousOutput(let name, let candidates):
            "output '\(name)' matches several formats (\(candidates.joined(separator: ", "))); pass --to"
        case .pluginLoadFailed(let path, let reason): "cannot load plugin \(path): \(reason)"
        case .brokenDescriptors(let problems): problems.joined(separator: "\n")
        }
    }
}

/// The set of plugins a run uses, built once and passed down; no global state.
///
/// Registration validates at once: ids must be well-formed and unique, and a description's
/// `canImport`/`canExport` must match the protocols the plugin implements.
public struct FormatRegistry: Sendable {
    /// Plugins in registration order.
    public let plugins: [any FormatPlugin]
    private let indexByID: [String: Int]

    public init(_ plugins: [any FormatPlugin]) throws(RegistryError) {
        var index: [String: Int] = [:]
        for (position, plugin) in plugins.enumerated() {
            let format = plugin.format
            guard FormatDescription.isValidID(format.id) else { throw .invalidID(format.id) }
            guard index[format.id] == nil else { throw .duplicateID(format.id) }
            if format.canImport != (plugin is any ProfileImporter) {
                throw .capabilityMismatch(id: format.id, reason: "canImport is \(format.canImport) but the plugin \(format.canImport ? "is not" : "is") an importer")
            }
            if format.canExport != (plugin is any ProfileExporter) {
                throw .capabilityMismatch(id: format.id, reason: "canExport is \(format.canExport) but the plugin \(format.canExport ? "is not" : "is") an exporter")
            }
            index[format.id] = position
        }
        self.plugins = plugins
        self.indexByID = index
    }

    /// A registry with more plugins (descriptors, external plugins) added after these.
    public func adding(_ more: [any FormatPlugin]) throws(RegistryError) -> FormatRegistry {
        try FormatRegistry(plugins + more)
    }

    /// The plugin with this id.
    public func plugin(id: String) -> (any FormatPlugin)? {
        indexByID[id].map { plugins[$0] }
    }

    /// The error for an id no plugin has, suggesting the nearest registered id.
    public func unknownFormat(_ id: String) -> RegistryError {
        .unknownFormat(id, suggestion: EditDistance.nearest(to: id, among: plugins.map(\.format.id)))
    }

    /// The importer with this id.
    public func importer(id: String) throws(RegistryError) -> any ProfileImporter {
        guard let plugin = plugin(id: id) else { throw unknownFormat(id) }
        guard let importer = plugin as? any ProfileImporter else { throw .cannotImport(id) }
        return importer
    }

    /// The exporter with this id.
    public func exporter(id: String) throws(RegistryError) -> any ProfileExporter {
        guard let plugin = plugin(id: id) else { throw unknownFormat(id) }
        guard let exporter = plugin as? any ProfileExporter else { throw .cannotExport(id) }
        return exporter
    }

    /// Every importer's verdict on a prefix, best first: by confidence, then by whether the
    /// file name has the format's extension. Formats that answered `noMatch` are left out.
    public func detect(_ prefix: InputPrefix) -> [DetectionCandidate] {
        var candidates: [DetectionCandidate] = []
        for case let importer as any ProfileImporter in plugins {
            let verdict = importer.detect(prefix)
            let reason: String
            switch verdict {
            case .match(_, let why, _), .unsure(let why): reason = why
            case .noMatch: continue
            }
            candidates.append(DetectionCandidate(formatID: importer.format.id, confidence: verdict.confidence,
                                                 reason: reason,
                                                 extensionMatches: importer.format.matchesExtension(of: prefix.fileName),
                                                 findings: verdict.findings))
        }
        return candidates.sorted {
            if $0.confidence != $1.confidence { return $0.confidence > $1.confidence }
            if $0.extensionMatches != $1.extensionMatches { return $0.extensionMatches }
            return $0.formatID < $1.formatID
        }
    }

    /// The importer for an input: the one named by `id`, or the single best detection.
    /// Two candidates that tie on confidence and extension are `ambiguousFormat`; none, or
    /// only unsure ones that tie, is `unrecognizedFormat` listing what was tried.
    public func resolveImporter(for input: ImportInput, id: String?) throws(ImportError) -> any ProfileImporter {
        try resolve(input, id: id).importer
    }

    /// The importer for an input and, when detection chose it, what its detector found.
    func resolve(_ input: ImportInput, id: String?) throws(ImportError) -> (importer: any ProfileImporter, findings: DetectionFindings?) {
        if let id {
            do { return (try importer(id: id), nil) } catch {
                throw .unsupported(input.location(), reason: error.description)
            }
        }
        let prefix = try input.prefix()
        if prefix.bytes.isEmpty { throw .emptyInput(input.location()) }
        let ranked = detect(prefix)
        let tried = plugins.compactMap { ($0 as? any ProfileImporter)?.format.id }
        guard let best = ranked.first else { throw .unrecognizedFormat(input.location(), tried: tried) }
        let tied = ranked.filter { $0.confidence == best.confidence && $0.extensionMatches == best.extensionMatches }
        if tied.count > 1 {
            if best.confidence <= Detection.unsure(reason: "").confidence {
                throw .unrecognizedFormat(input.location(), tried: tried)
            }
            throw .ambiguousFormat(input.location(), candidates: tied.map(\.formatID))
        }
        return (try! importer(id: best.formatID), best.findings)
    }

    /// The exporter for an output: the one named by `id`, or the single format whose extension the
    /// name has (when several list it, the one whose first extension it is). A `.gz` name is
    /// matched without it, among the formats gzip can wrap (text ones), so `out.biom.gz` is BIOM JSON.
    public func resolveExporter(forOutput name: String, id: String?) throws(RegistryError) -> any ProfileExporter {
        if let id { return try exporter(id: id) }
        let compression = OutputCompression(forOutputName: name)
        let plain = compression.formatName(of: name).lowercased()
        let matching = plugins.compactMap { $0 as? any ProfileExporter }
            .filter { $0.format.matchesExtension(of: plain) && compression.wraps($0.format) }
        // Prefer the format that lists the longest matching extension (`profile.json` over `json`).
        let scored = matching.map { exporter -> (any ProfileExporter, Int) in
            let length = exporter.format.extensions.filter { plain.hasSuffix("." + $0) }.map(\.count).max() ?? 0
            return (exporter, length)
        }.sorted { $0.1 > $1.1 }
        guard let best = scored.first else { throw .noExporterForOutput(name) }
        let tied = scored.filter { $0.1 == best.1 }.map(\.0)
        guard tied.count > 1 else { return best.0 }
        // Among formats that all list the extension, the one that lists it first (its primary
        // extension: `tsv` for wide-tsv, not for metaphlan-profile) is the one the name means.
        let primary = tied.filter { exporter in
            exporter.format.extensions.first.map { plain.hasSuffix("." + $0.lowercased()) } ?? false
        }
        guard primary.count == 1 else { throw .ambiguousOutput(name: name, candidates: tied.map(\.format.id)) }
        return primary[0]
    }
}
