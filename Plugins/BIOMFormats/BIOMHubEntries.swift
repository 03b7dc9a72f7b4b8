import FormatKit
import Foundation
import ProfileModel

/// The table-level entries the hub adds to the BIOM files it writes, as extra top-level keys
/// (JSON) and root attributes (HDF5), which biom-format's `load_table` and `biom validate-table`
/// tolerate: the unit (BIOM has no unit field), the provenance step log as a JSON string, and the
/// source's own generator (the file's `generated-by` names mhub). On import they are taken back
/// into the model, so a BIOM round trip keeps all three.
enum BIOMHubEntries {
    /// The unit's wire name (`counts`, `relative`, `percent`, `cpm`, or another unit's name).
    static let unit = "unit"
    /// The provenance steps, as a JSON array of `{action, format, parameters}` objects.
    static let steps = "provenance-steps"
    /// What the table's source named as its generator, before mhub wrote it.
    static let sourceGenerator = "source-generated-by"
    /// Every name the hub writes; source facts cannot take them.
    static let names: Set<String> = [unit, steps, sourceGenerator]

    /// The entries written for `table`, in name order.
    static func entries(for table: ProfileTable) -> [(key: String, value: String)] {
        var entries: [(key: String, value: String)] = []
        if let generator = table.provenance.source[BIOMHeader.Key.generatedBy], !generator.isEmpty,
           generator != HubVersion.generator {
            entries.append((sourceGenerator, generator))
        }
        if !table.provenance.steps.isEmpty, let text = encodedSteps(table.provenance.steps) {
            entries.append((steps, text))
        }
        entries.append((unit, table.unit.description))
        return entries.sorted { $0.key < $1.key }
    }

    /// The unit a file declares in its `unit` entry, read into `source` as a source fact.
    static func declaredUnit(in source: SourceFacts) -> AbundanceUnit? {
        source[SourceKey(name: unit)].flatMap { $0.isEmpty ? nil : AbundanceUnit(wireName: $0) }
    }

    /// Takes the hub's entries out of the source facts an import read into `builder`: the steps
    /// come before this import's own, and the source's generator is again the `generated-by` fact.
    /// The unit is read earlier, by ``declaredUnit(in:)``; here its entry is only removed.
    static func restore(into builder: inout ProfileTableBuilder) {
        let source = builder.provenance.source
        if let text = source[SourceKey(name: steps)], let decoded = decodedSteps(text) {
            builder.provenance.steps = decoded + builder.provenance.steps
            builder.provenance.source[SourceKey(name: steps)] = nil
        }
        if let generator = source[SourceKey(name: sourceGenerator)] {
            builder.provenance.source[BIOMHeader.Key.generatedBy] = generator
            builder.provenance.source[SourceKey(name: sourceGenerator)] = nil
        }
        builder.provenance.source[SourceKey(name: unit)] = nil
    }

    private static func encodedSteps(_ steps: [ProvenanceStep]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(steps)).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func decodedSteps(_ text: String) -> [ProvenanceStep]? {
        try? JSONDecoder().decode([ProvenanceStep].self, from: Data(text.utf8))
    }
}
