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

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> TinyTableFormat.Plan {
        try base.plan(table, options: options)
    }

    public func write(_ plan: TinyTableFormat.Plan, to output: inout OutputSink) throws(ExportError) {
        try base.write(plan, to: &output)
        try output.write("# export \(UUID().uuidString)\n")
    }
}

/// A tiny-table variant whose parser misbehaves on any input with a row label that mentions
/// its trigger word: `crashing-table` traps on `crash`, which an isolated run must report as a
/// crash of that item instead of dying with it; `hanging-table` never returns on `hang`, which
/// the time bound must catch.
public struct MisbehavingTableFormat: ProfileImporter {
    /// What the parser does when it meets its trigger.
    public enum Misbehaviour: Sendable {
        case crash, hang
    }

    let base: TinyTableFormat
    let misbehaviour: Misbehaviour

    public init(_ misbehaviour: Misbehaviour) {
        self.misbehaviour = misbehaviour
        base = TinyTableFormat(id: misbehaviour == .crash ? "crashing-table" : "hanging-table")
    }

    public var format: FormatDescription {
        var description = base.format
        description.canExport = false
        return description
    }

    public func detect(_ prefix: InputPrefix) -> Detection { base.detect(prefix) }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let table = try base.read(input, options: options)
        let trigger = misbehaviour == .crash ? "crash" : "hang"
        guard table.taxa.contains(where: { $0.label.lowercased().contains(trigger) }) else { return table }
        switch misbehaviour {
        case .crash: fatalError("fixture parser trips over a crash row")
        case .hang: while true { sleep(1) }
        }
    }
}

/// The fixture plugins, as a registry would hold them.
public enum FixturePlugins {
    public static let all: [any FormatPlugin] = [
        FixtureJSONFormat(), TinyTableFormat(), NondeterministicTableFormat(),
        MisbehavingTableFormat(.crash), MisbehavingTableFormat(.hang),
    ]
}
