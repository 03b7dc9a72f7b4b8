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

/// A planned export through an external plugin: the table and options to send, and the
/// losses the executable declares (they hold for every table and every option).
public struct ExternalExportPlan: ExportPlan {
    let table: ProfileTable
    let options: ExportOptions
    public let losses: [DeclaredLoss]
}

extension ExternalPlugin where Self: ProfileExporter {
    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> ExternalExportPlan {
        ExternalExportPlan(table: table, options: options, losses: executable.losses)
    }

    public func write(_ plan: ExternalExportPlan, to output: inout OutputSink) throws(ExportError) {
        try executable.write(plan.table, to: &output, options: plan.options)
    }
}

/// An external plugin that only imports.
public struct ExternalImporter: ExternalPlugin, ProfileImporter {
    public let executable: ExternalExecutable
}

/// An external plugin that only exports.
public struct ExternalExporter: ExternalPlugin, ProfileExporter {
    public typealias Plan = ExternalExportPlan
    public let executable: ExternalExecutable
}

/// An external plugin that imports and exports.
public struct ExternalImporterExporter: ExternalPlugin, ProfileImporter, ProfileExporter {
    public typealias Plan = ExternalExportPlan
    public let executable: ExternalExecutable
}
