/// The parts of a profile table, one vocabulary for what an export loses
/// (``DeclaredLoss/field``) and for where two tables differ (the conformance kit's comparison).
///
/// A loss covers a part and everything under it: a loss of `taxa` covers `taxa.lineage`, a
/// loss of `samples.metadata` covers only sample metadata. External plugins name fields by
/// their raw values (`"taxa.lineage"`); an unknown name is refused when the plugin is loaded.
public enum ProfileField: String, Sendable, Hashable, Codable, CaseIterable {
    case unit
    case structure
    /// Everything about samples.
    case samples
    case sampleIDs = "samples.id"
    case sampleOrder = "samples.order"
    case sampleMetadata = "samples.metadata"
    /// Each sample's own source facts (model version 2).
    case sampleSources = "samples.source"
    /// Everything about taxa.
    case taxa
    case taxonIDs = "taxa.id"
    case taxonOrder = "taxa.order"
    case taxonLabels = "taxa.label"
    case taxonLineages = "taxa.lineage"
    case taxonIdentifiers = "taxa.taxon-id"
    case taxonMetadata = "taxa.metadata"
    /// The labels a merged taxon was read under (model version 2).
    case taxonOrigins = "taxa.origins"
    case abundances
    /// Source facts and the step log.
    case provenance
    case provenanceSource = "provenance.source"
    case provenanceSteps = "provenance.steps"
    case diagnostics

    /// Whether a loss of `lossField` covers differences in this field: the same field or a parent of it.
    public func isCovered(byLossOf lossField: ProfileField) -> Bool {
        self == lossField || rawValue.hasPrefix(lossField.rawValue + ".")
    }
}
