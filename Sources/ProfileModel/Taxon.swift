/// A taxon identifier in a named system, such as `ncbi:816` or `gtdb:GB_GCA_000001.1`.
public struct TaxonID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The system (`ncbi`, `gtdb`, `silva`, `greengenes`, or a tool's own).
    public var system: String
    /// The identifier within that system.
    public var value: String

    public init(system: String, value: String) {
        self.system = system
        self.value = value
    }

    /// Parses `system:value`; `nil` without a colon.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        self.init(system: String(text[..<colon]), value: String(text[text.index(after: colon)...]))
    }

    public var description: String { "\(system):\(value)" }
}

/// One feature (row) of a profile table.
public struct Taxon: Sendable, Hashable, Codable {
    /// A stable feature id, unique within a table (an OTU/ASV id, a clade name, a taxid).
    public var id: String
    /// The label exactly as the source wrote it; never rewritten, even after reconciliation.
    public var label: String
    /// The parsed classification.
    public var lineage: Lineage
    /// The taxon's identifier in a taxonomy system, when the source gives one.
    public var taxonID: TaxonID?
    /// Other per-feature metadata the source carried (BIOM observation metadata, confidence, …).
    public var metadata: [String: MetadataValue]

    public init(id: String, label: String, lineage: Lineage = Lineage(), taxonID: TaxonID? = nil,
                metadata: [String: MetadataValue] = [:]) {
        self.id = id
        self.label = label
        self.lineage = lineage
        self.taxonID = taxonID
        self.metadata = metadata
    }
}
