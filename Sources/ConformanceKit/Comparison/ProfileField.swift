/// The parts of a profile table that comparisons report on, named as exporters name them
/// in ``FormatKit/DeclaredLoss/field``.
///
/// A declared loss covers a difference when the loss names the difference's field or a
/// parent of it: a loss of `taxa` covers `taxa.lineage`, a loss of `samples.metadata`
/// covers only sample metadata.
public enum ProfileField: String, Sendable, Hashable, Codable, CaseIterable {
    case unit
    case structure
    case sampleIDs = "samples.id"
    case sampleOrder = "samples.order"
    case sampleMetadata = "samples.metadata"
    case sampleSources = "samples.source"
    case taxonIDs = "taxa.id"
    case taxonOrder = "taxa.order"
    case taxonLabels = "taxa.label"
    case taxonLineages = "taxa.lineage"
    case taxonIdentifiers = "taxa.taxon-id"
    case taxonMetadata = "taxa.metadata"
    case taxonOrigins = "taxa.origins"
    case abundances
    case provenanceSource = "provenance.source"
    case provenanceSteps = "provenance.steps"
    case diagnostics

    /// Whether a loss declared for `lossField` covers differences in this field.
    public func isCovered(byLossOf lossField: String) -> Bool {
        rawValue == lossField || rawValue.hasPrefix(lossField + ".")
    }
}

/// One way two tables differ.
public struct ProfileDifference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var field: ProfileField
    /// Where: `sample 'S1'`, `taxon 'g__Bacteroides'`, `sample 'S1', taxon '…'`, or empty for the table.
    public var subject: String
    public var expected: String
    public var actual: String

    public init(field: ProfileField, subject: String = "", expected: String, actual: String) {
        self.field = field
        self.subject = subject
        self.expected = expected
        self.actual = actual
    }

    public var description: String {
        "\(field.rawValue)\(subject.isEmpty ? "" : " [\(subject)]"): expected \(expected), got \(actual)"
    }
}
