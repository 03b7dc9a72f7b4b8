/// One sample of a profile table: its id and typed metadata.
public struct Sample: Sendable, Hashable, Codable {
    /// The sample id, unique within a table.
    public var id: String
    /// Typed metadata (collection date, lab, age, body site, …).
    public var metadata: [String: MetadataValue]

    public init(id: String, metadata: [String: MetadataValue] = [:]) {
        self.id = id
        self.metadata = metadata
    }
}
