import FormatKit
import ProfileModel

/// A plugin backed by an external executable. Swift fixes a type's protocol conformances at
/// compile time, so each combination of capabilities has its own type; the loader picks the
/// one that matches what the executable describes.
public protocol ExternalPlugin: FormatPlugin {
    /// The executable and its description.
    var executable: ExternalExecutable { get }
}

extension ExternalPlugin {
    public var format: FormatDescription { executable.format }
}

extension ExternalPlugin where Self: ProfileImporter {
    public func detect(_ prefix: InputPrefix) -> Detection {
        executable.detect(prefix)
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try executable.read(input, options: options)
    }
}

extension ExternalPlugin where Self: ProfileExporter {
    /// The losses the executable declares; they hold for every table and every option.
    public func losses(for table: ProfileTable, options: ExportOptions) -> [DeclaredLoss] {
        executable.losses
    }

    public func write(_ table: ProfileTable, to output: inout OutputSink, options: ExportOptions) throws(ExportError) {
        try executable.write(table, to: &output, options: options)
    }
}

/// An external plugin that only imports.
public struct ExternalImporter: ExternalPlugin, ProfileImporter {
    public let executable: ExternalExecutable
}

/// An external plugin that only exports.
public struct ExternalExporter: ExternalPlugin, ProfileExporter {
    public let executable: ExternalExecutable
}

/// An external plugin that imports and exports.
public struct ExternalImporterExporter: ExternalPlugin, ProfileImporter, ProfileExporter {
    public let executable: ExternalExecutable
}
