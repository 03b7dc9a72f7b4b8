/// One sample of a profile table: its id, typed metadata and where it came from.
public struct Sample: Sendable, Hashable {
    /// The sample id, unique within a table.
    public var id: String
    /// Typed metadata (collection date, lab, age, body site, …).
    public var metadata: [String: MetadataValue]
    /// This sample's own source facts (lab, pipeline, database, source file …), laid over the
    /// table's ``Provenance/source``; empty when the sample shares the table's source.
    /// Only ``SourceKey/sampleFacts`` belong here. Read the effective facts with
    /// ``ProfileTable/source(ofSample:)``.
    public var source: SourceFacts

    public init(id: String, metadata: [String: MetadataValue] = [:], source: SourceFacts = SourceFacts()) {
        self.id = id
        self.metadata = metadata
        self.source = source
    }
}
