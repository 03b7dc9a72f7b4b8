import BuiltInFormats
import ConformanceKit
import FormatKit
import Foundation
import ProfileModel
import Testing

/// The round-trip check takes the losses from the plan that wrote the export, so an exporter
/// whose losses depend on an option (wide tables written with samples as rows have no taxonomy
/// column) is checked in that setting too, and fails when it does not declare them; and it tries
/// every value of every enumerated option an exporter declares.
@Suite struct ExportOptionTests {
    static let samplesAsRows = ConformanceOptions(exportOptions: ExportOptions(parameters: ["orientation": "samples-as-rows"]))

    /// The round-trip items of `plugin`'s battery over the reference tables (no case folder: only
    /// the exports matter here).
    func roundTrips(of plugin: any FormatPlugin, in registry: FormatRegistry) throws -> [CheckItem] {
        let environment = try ConformanceEnvironment(
            registry: registry, referenceDirectory: packageRoot.appendingPathComponent("Conformance/reference"),
            options: Self.samplesAsRows)
        let battery = ConformanceBattery(plugin: plugin, caseDirectory: fixtureCases("no-such-folder"), environment: environment)
        return battery.run().filter { $0.check == .roundTrip }
    }

    @Test(arguments: ["wide-tsv", "wide-csv"])
    func samplesAsRowsRoundTripsModuloTheDeclaredAnnotationLosses(id: String) throws {
        let registry = try BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))
        let items = try roundTrips(of: try #require(registry.plugin(id: id)), in: registry)
        #expect(!items.isEmpty)
        for item in items { #expect(item.verdict == .passed, "\(item.subject): \(item.message)") }
        #expect(items.contains { $0.message.contains("taxa.lineage") })
    }

    @Test func lossesThatIgnoreTheOptionsFailTheRoundTrip() throws {
        let builtIn = try BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))
        let wide = try #require(builtIn.plugin(id: "wide-tsv") as? any ProfileImporter & ProfileExporter)
        let blind = OptionBlindExporter(base: wide)
        let registry = try FormatRegistry(builtIn.plugins.filter { $0.format.id != "wide-tsv" } + [blind])
        let failed = try roundTrips(of: blind, in: registry).filter { $0.verdict == .failed }
        let item = try #require(failed.first { $0.subject == "reference counts-leaves" })
        #expect(item.message.contains("from the reference table that the export plan's losses do not declare"))
        #expect(item.message.contains("taxa.lineage [taxon 'asv-1']"))
    }

    /// Without any `--export-option`, the battery still round-trips every reference table with
    /// each other value of every declared option: each choice, and both ends of an integer range.
    @Test(arguments: [("wide-tsv", ["orientation=samples-as-rows"]), ("biom-json", ["matrix-type=dense"]),
                      ("biom-hdf5", ["compression=0", "compression=9"])])
    func everyDeclaredOptionValueIsRoundTripped(id: String, settings: [String]) throws {
        let registry = try BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))
        let plugin = try #require(registry.plugin(id: id))
        let environment = try ConformanceEnvironment(
            registry: registry, referenceDirectory: packageRoot.appendingPathComponent("Conformance/reference"))
        let items = ConformanceBattery(plugin: plugin, caseDirectory: fixtureCases("no-such-folder"), environment: environment)
            .run().filter { $0.check == .roundTrip }
        let references = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Conformance/reference").path)
            .filter { $0.hasSuffix(".profile.json") }.map { String($0.dropLast(".profile.json".count)) }
        for setting in settings {
            for reference in references {
                let item = try #require(items.first { $0.subject == "reference \(reference) [\(setting)]" }, "\(setting), \(reference)")
                #expect(item.verdict != .failed, "\(item.subject): \(item.message)")
            }
        }
        #expect(items.allSatisfy { $0.verdict != .failed })
    }
}

/// A plugin that declares the losses of the default options whatever options it is given.
private struct OptionBlindExporter: ProfileImporter, ProfileExporter {
    let base: any ProfileImporter & ProfileExporter

    var format: FormatDescription { base.format }

    func detect(_ prefix: InputPrefix) -> Detection { base.detect(prefix) }

    func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try base.read(input, options: options)
    }

    /// Writes with the given options but declares the default options' losses.
    struct Plan: ExportPlan {
        let table: ProfileTable
        let options: ExportOptions
        let losses: [DeclaredLoss]
    }

    func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> Plan {
        Plan(table: table, options: options, losses: try base.losses(for: table, options: ExportOptions()))
    }

    func write(_ plan: Plan, to output: inout OutputSink) throws(ExportError) {
        try base.write(plan.table, to: &output, options: plan.options)
    }
}
