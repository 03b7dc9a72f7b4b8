import FormatKit
import ProfileModel
import StreamingJSON

/// Writes a ``ProfileModel/ProfileTable`` as profile JSON: keys sorted at every level, one
/// sample, taxon, note or provenance step per line, numbers the shortest way that reads back
/// to the same value, and nothing that depends on dictionary order, so the same table always
/// gives the same bytes.
struct ProfileJSONEncoder {
    private typealias Key = ProfileJSONLayout.Key
    private var writer = JSONWriter()

    /// Writes `table` into `sink`.
    static func write(_ table: ProfileTable, to sink: inout OutputSink) throws(ExportError) {
        var encoder = ProfileJSONEncoder()
        try encoder.writeDocument(table, &sink)
    }

    private mutating func writeDocument(_ table: ProfileTable, _ sink: inout OutputSink) throws(ExportError) {
        try writer.beginObject(multiline: true, to: &sink)
        try writer.key(Key.format, to: &sink)
        try writer.string(ProfileJSONLayout.marker, to: &sink)
        try writer.key(Key.formatVersion, to: &sink)
        try writer.integer(ProfileJSONLayout.version, to: &sink)
        if !table.diagnostics.isEmpty {
            try writer.key(Key.notes, to: &sink)
            try writer.beginArray(multiline: true, to: &sink)
            for diagnostic in table.diagnostics { try writeNote(diagnostic, &sink) }
            try writer.endArray(to: &sink)
        }
        if !table.provenance.source.isEmpty || !table.provenance.steps.isEmpty {
            try writer.key(Key.provenance, to: &sink)
            try writeProvenance(table.provenance, &sink)
        }
        try writer.key(Key.samples, to: &sink)
        try writer.beginArray(multiline: true, to: &sink)
        for sample in table.samples { try writeSample(sample, &sink) }
        try writer.endArray(to: &sink)
        try writer.key(Key.structure, to: &sink)
        try writer.string(table.structure.rawValue, to: &sink)
        try writer.key(Key.taxa, to: &sink)
        try writer.beginArray(multiline: true, to: &sink)
        for taxon in table.taxa { try writeTaxon(taxon, &sink) }
        try writer.endArray(to: &sink)
        try writer.key(Key.unit, to: &sink)
        try writer.string(table.unit.description, to: &sink)
        try writer.key(Key.values, to: &sink)
        try writeValues(table, &sink)
        try writer.endObject(to: &sink)
    }

    private mutating func writeNote(_ diagnostic: Diagnostic, _ sink: inout OutputSink) throws(ExportError) {
        typealias NoteKey = ProfileJSONLayout.NoteKey
        try writer.beginObject(to: &sink)
        try writeMember(NoteKey.code, diagnostic.code, &sink)
        try writeMember(NoteKey.location, diagnostic.location, &sink)
        try writeMember(NoteKey.message, diagnostic.message, &sink)
        try writeMember(NoteKey.sample, diagnostic.sample, &sink)
        try writeMember(NoteKey.severity, diagnostic.severity.rawValue, &sink)
        try writeMember(NoteKey.taxon, diagnostic.taxon, &sink)
        try writer.endObject(to: &sink)
    }

    private mutating func writeProvenance(_ provenance: Provenance, _ sink: inout OutputSink) throws(ExportError) {
        typealias ProvenanceKey = ProfileJSONLayout.ProvenanceKey
        try writer.beginObject(multiline: true, to: &sink)
        if !provenance.source.isEmpty {
            try writer.key(ProvenanceKey.source, to: &sink)
            try writeStringMap(provenance.source.byName, &sink)
        }
        if !provenance.steps.isEmpty {
            try writer.key(ProvenanceKey.steps, to: &sink)
            try writer.beginArray(multiline: true, to: &sink)
            for step in provenance.steps {
                try writer.beginObject(to: &sink)
                try writeMember(ProvenanceKey.action, step.action.rawValue, &sink)
                try writeMember(ProvenanceKey.format, step.format, &sink)
                if !step.parameters.isEmpty {
                    try writer.key(ProvenanceKey.parameters, to: &sink)
                    try writeStringMap(step.parameters, &sink)
                }
                try writer.endObject(to: &sink)
            }
            try writer.endArray(to: &sink)
        }
        try writer.endObject(to: &sink)
    }

    private mutating func writeSample(_ sample: Sample, _ sink: inout OutputSink) throws(ExportError) {
        try writer.beginObject(to: &sink)
        try writeMember(ProfileJSONLayout.SampleKey.id, sample.id, &sink)
        if !sample.metadata.isEmpty {
            try writer.key(ProfileJSONLayout.SampleKey.metadata, to: &sink)
            try ProfileJSONMetadata.writeMap(sample.metadata, with: &writer, to: &sink)
        }
        if !sample.source.isEmpty {
            try writer.key(ProfileJSONLayout.SampleKey.source, to: &sink)
            try writeStringMap(sample.source.byName, &sink)
        }
        try writer.endObject(to: &sink)
    }

    private mutating func writeTaxon(_ taxon: Taxon, _ sink: inout OutputSink) throws(ExportError) {
        typealias TaxonKey = ProfileJSONLayout.TaxonKey
        try writer.beginObject(to: &sink)
        try writeMember(TaxonKey.id, taxon.id, &sink)
        try writeMember(TaxonKey.label, taxon.label, &sink)
        if !taxon.lineage.isEmpty {
            try writer.key(TaxonKey.lineage, to: &sink)
            try writer.beginArray(to: &sink)
            for entry in taxon.lineage.entries {
                try writer.beginArray(to: &sink)
                try writer.string(entry.rank.rawValue, to: &sink)
                try writer.string(entry.name, to: &sink)
                if let id = entry.id { try writer.string(id, to: &sink) }
                try writer.endArray(to: &sink)
            }
            try writer.endArray(to: &sink)
        }
        if !taxon.metadata.isEmpty {
            try writer.key(TaxonKey.metadata, to: &sink)
            try ProfileJSONMetadata.writeMap(taxon.metadata, with: &writer, to: &sink)
        }
        if !taxon.origins.isEmpty {
            typealias OriginKey = ProfileJSONLayout.OriginKey
            try writer.key(TaxonKey.origins, to: &sink)
            try writer.beginArray(to: &sink)
            for origin in taxon.origins {
                try writer.beginObject(to: &sink)
                try writeMember(OriginKey.input, origin.input, &sink)
                try writeMember(OriginKey.label, origin.label, &sink)
                try writer.endObject(to: &sink)
            }
            try writer.endArray(to: &sink)
        }
        if let taxonID = taxon.taxonID {
            // `system:value` reads back by splitting at the first colon.
            guard !taxonID.system.contains(":") else {
                throw .cannotRepresent(reason: "taxon '\(taxon.id)' has the id system '\(taxonID.system)', which contains ':'")
            }
            try writeMember(TaxonKey.taxonID, taxonID.description, &sink)
            try writeMember(TaxonKey.taxonIDRelease, taxonID.release, &sink)
        }
        try writer.endObject(to: &sink)
    }

    /// `"values"`: per sample id (sorted), the sample's `[taxon index, value]` pairs in taxon order.
    private mutating func writeValues(_ table: ProfileTable, _ sink: inout OutputSink) throws(ExportError) {
        let order = table.samples.indices.sorted { table.samples[$0].id.utf8.lexicographicallyPrecedes(table.samples[$1].id.utf8) }
        try writer.beginObject(multiline: true, to: &sink)
        for sample in order {
            try writer.key(table.samples[sample].id, to: &sink)
            try writer.beginArray(to: &sink)
            for (taxon, value) in table.abundances.entries(ofSample: sample) {
                try writer.beginArray(to: &sink)
                try writer.integer(taxon, to: &sink)
                try writer.number(value, to: &sink)
                try writer.endArray(to: &sink)
            }
            try writer.endArray(to: &sink)
        }
        try writer.endObject(to: &sink)
    }

    private mutating func writeStringMap(_ map: [String: String], _ sink: inout OutputSink) throws(ExportError) {
        try writer.beginObject(to: &sink)
        for key in JSONWriter.sortedKeys(map.keys) { try writeMember(key, map[key], &sink) }
        try writer.endObject(to: &sink)
    }

    /// Writes `"key": "value"`, or nothing when the value is `nil`.
    private mutating func writeMember(_ key: String, _ value: String?, _ sink: inout OutputSink) throws(ExportError) {
        guard let value else { return }
        try writer.key(key, to: &sink)
        try writer.string(value, to: &sink)
    }
}
