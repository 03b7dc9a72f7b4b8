import BuiltInFormats
import ConformanceKit
import FormatKit
import Foundation
import ProfileModel
import Testing

/// The round-trip check asks `losses(for:options:)` with the options every export uses, so an
/// exporter whose losses depend on an option (wide tables written with samples as rows have no
/// taxonomy column) is checked in that setting too, and fails when it does not declare them.
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
        #expect(item.message.contains("from the reference table that losses(for:options:) does not declare"))
        #expect(item.message.contains("taxa.lineage [taxon 'asv-1']"))
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

    func losses(for table: ProfileTable, options: ExportOptions) -> [DeclaredLoss] {
        base.losses(for: table, options: ExportOptions())
    }

    func write(_ table: ProfileTable, to output: inout OutputSink, options: ExportOptions) throws(ExportError) {
        try base.write(table, to: &output, options: options)
    }
}
