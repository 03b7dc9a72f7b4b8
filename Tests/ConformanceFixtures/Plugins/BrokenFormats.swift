import FormatKit
import Foundation
import ProfileModel

/// A tiny-table variant whose export differs on every run (it stamps a fresh id into a
/// comment line), which the deterministic check must catch.
public struct NondeterministicTableFormat: ProfileImporter, ProfileExporter {
    let base = TinyTableFormat(id: "nondeterministic-table")

    public init() {}

    public var format: FormatDescription { base.format }

    public func detect(_ prefix: InputPrefix) -> Detection { base.detect(prefix) }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try base.read(input, options: options)
    }

    public func losses(for table: ProfileTable, options: ExportOptions) -> [DeclaredLoss] {
        base.losses(for: table, options: options)
    }

    public func write(_ table: ProfileTable, to output: inout OutputSink, options: ExportOptions) throws(ExportError) {
        try base.write(table, to: &output, options: options)
        try output.write("# export \(UUID().uuidString)\n")
    }
}

/// A tiny-table variant whose parser traps on any input that mentions `crash`, which an
/// isolated run must report as a crash of that item instead of dying with it.
public struct CrashingTableFormat: ProfileImporter {
    let base = TinyTableFormat(id: "crashing-table")

    public init() {}

    public var format: FormatDescription {
        var description = base.format
        description.canExport = false
        return description
    }

    public func detect(_ prefix: InputPrefix) -> Detection { base.detect(prefix) }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let table = try base.read(input, options: options)
        if table.taxa.contains(where: { $0.label.lowercased().contains("crash") }) {
            fatalError("fixture parser trips over a crash row")
        }
        return table
    }
}

/// A tiny-table variant whose parser never returns on any input that mentions `hang`, which
/// the time bound must catch.
public struct HangingTableFormat: ProfileImporter {
    let base = TinyTableFormat(id: "hanging-table")

    public init() {}

    public var format: FormatDescription {
        var description = base.format
        description.canExport = false
        return description
    }

    public func detect(_ prefix: InputPrefix) -> Detection { base.detect(prefix) }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let table = try base.read(input, options: options)
        if table.taxa.contains(where: { $0.label.lowercased().contains("hang") }) {
            while true { sleep(1) }
        }
        return table
    }
}

/// The fixture plugins, as a registry would hold them.
public enum FixturePlugins {
    public static let all: [any FormatPlugin] = [
        FixtureJSONFormat(), TinyTableFormat(), NondeterministicTableFormat(), CrashingTableFormat(), HangingTableFormat(),
    ]
}
