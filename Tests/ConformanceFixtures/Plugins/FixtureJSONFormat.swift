import FormatKit
import Foundation
import ProfileModel

/// A minimal profile JSON used as the golden codec of the fixture cases, so that the kit's
/// own tests do not depend on any production plugin. Not a format users see.
public struct FixtureJSONFormat: ProfileImporter, ProfileExporter {
    public init() {}

    public var format: FormatDescription {
        FormatDescription(id: "fixture-json", name: "Fixture profile JSON", summary: "Golden format of the kit's own test cases.",
                          extensions: ["profile.json"], canImport: true, canExport: true)
    }

    public func detect(_ prefix: InputPrefix) -> Detection {
        prefix.text.contains("\"fixture-profile\"") ? .match(confidence: 0.9, reason: "fixture profile marker") : .noMatch
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let bytes = try input.readAllText()
        let document: Document
        do { document = try JSONDecoder().decode(Document.self, from: Data(bytes)) } catch {
            throw .syntax(input.location(), reason: "not fixture profile JSON: \(error)")
        }
        var builder = ProfileTableBuilder(unit: AbundanceUnit(wireName: document.unit), structure: document.structure,
                                          provenance: document.provenance.model)
        let taxa = document.taxa.compactMap { $0.model() }
        guard taxa.count == document.taxa.count else {
            throw .invalidValue(input.location(), value: "lineage", reason: "lists ranks out of order")
        }
        do {
            for sample in document.samples { try builder.addSample(Sample(id: sample.id, metadata: sample.metadata)) }
            for taxon in taxa { try builder.addTaxon(taxon) }
            for entry in document.values { try builder.setValue(entry[2], sample: Int(entry[0]), taxon: Int(entry[1])) }
        } catch {
            throw ImportError(error, at: input.location())
        }
        do {
            // The recorded diagnostics replace the ones the builder derives again.
            var table = try builder.build()
            table.diagnostics = document.diagnostics
            return table
        } catch {
            throw ImportError(error, at: input.location())
        }
    }

    /// A planned export: the table as it is, since nothing is lost.
    public struct Plan: ExportPlan {
        let table: ProfileTable
        public var losses: [DeclaredLoss] { [] }
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> Plan { Plan(table: table) }

    public func write(_ plan: Plan, to output: inout OutputSink) throws(ExportError) {
        let table = plan.table
        var values: [[Double]] = []
        for sample in table.samples.indices {
            for entry in table.abundances.entries(ofSample: sample) { values.append([Double(sample), Double(entry.taxon), entry.value]) }
        }
        let document = Document(marker: "fixture-profile", unit: table.unit.description, structure: table.structure,
                                samples: table.samples.map { DocumentSample(id: $0.id, metadata: $0.metadata) },
                                taxa: table.taxa.map(DocumentTaxon.init), values: values,
                                provenance: DocumentProvenance(table.provenance), diagnostics: table.diagnostics)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do { try output.write(try encoder.encode(document)) } catch let error as ExportError { throw error } catch {
            throw .cannotRepresent(reason: "\(error)")
        }
        try output.write("\n")
    }

    private struct Document: Codable {
        var marker: String
        var unit: String
        var structure: ProfileStructure
        var samples: [DocumentSample]
        var taxa: [DocumentTaxon]
        /// `[sample index, taxon index, value]` triples.
        var values: [[Double]]
        var provenance: DocumentProvenance
        var diagnostics: [Diagnostic]
    }

    private struct DocumentSample: Codable {
        var id: String
        var metadata: [String: MetadataValue]
    }

    private struct DocumentLevel: Codable {
        var rank: Rank
        var name: String
    }

    private struct DocumentTaxon: Codable {
        var id: String
        var label: String
        var lineage: [DocumentLevel]
        var taxonID: TaxonID?
        var metadata: [String: MetadataValue]

        init(_ taxon: Taxon) {
            id = taxon.id
            label = taxon.label
            lineage = taxon.lineage.entries.map { DocumentLevel(rank: $0.rank, name: $0.name) }
            taxonID = taxon.taxonID
            metadata = taxon.metadata
        }

        func model() -> Taxon? {
            guard let lineage = Lineage(lineage.map { LineageEntry(rank: $0.rank, name: $0.name) }) else { return nil }
            return Taxon(id: id, label: label, lineage: lineage, taxonID: taxonID, metadata: metadata)
        }
    }

    private struct DocumentStep: Codable {
        var action: String
        var format: String?
        var parameters: [String: String]
    }

    private struct DocumentProvenance: Codable {
        var source: [String: String]
        var steps: [DocumentStep]

        init(_ provenance: Provenance) {
            source = provenance.source.byName
            steps = provenance.steps.map { DocumentStep(action: $0.action.rawValue, format: $0.format, parameters: $0.parameters) }
        }

        var model: Provenance {
            Provenance(source: SourceFacts(names: source),
                       steps: steps.map { ProvenanceStep(action: ProvenanceAction(name: $0.action), format: $0.format,
                                                         parameters: $0.parameters) })
        }
    }
}
