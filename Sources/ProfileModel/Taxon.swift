/// A taxon identifier in a named system, such as `ncbi:816` or `gtdb:GB_GCA_000001.1`,
/// optionally with the release of the taxonomy it was assigned in (an NCBI taxdump date,
/// `r214` for GTDB): tax ids are merged and deleted between releases.
public struct TaxonID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The system (`ncbi`, `gtdb`, `silva`, `greengenes`, or a tool's own).
    public var system: String
    /// The identifier within that system.
    public var value: String
    /// The taxonomy release the id belongs to, when the source says.
    public var release: String?

    public init(system: String, value: String, release: String? = nil) {
        self.system = system
        self.value = value
        self.release = release
    }

    /// Parses `system:value`; `nil` without a colon.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        self.init(system: String(text[..<colon]), value: String(text[text.index(after: colon)...]))
    }

    /// `system:value` (the release is not part of the written form).
    public var description: String { "\(system):\(value)" }
}

/// One label a taxon was read under, and the input it came from: a taxon merged from
/// several sources (a reconciled or concatenated table) keeps one origin per source.
public struct TaxonOrigin: Sendable, Hashable {
    /// The label exactly as that source wrote it.
    public var label: String
    /// The input it was read from (a file name), when known.
    public var input: String?

    public init(label: String, input: String? = nil) {
        self.label = label
        self.input = input
    }
}

/// One feature (row) of a profile table.
public struct Taxon: Sendable, Hashable {
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
    /// Every label this taxon was read under, with its input, when it was merged from several
    /// taxa or inputs; empty for a taxon read once, whose one origin is ``label``. Read them with
    /// ``allOrigins``.
    public var origins: [TaxonOrigin]

    public init(id: String, label: String, lineage: Lineage = Lineage(), taxonID: TaxonID? = nil,
                metadata: [String: MetadataValue] = [:], origins: [TaxonOrigin] = []) {
        self.id = id
        self.label = label
        self.lineage = lineage
        self.taxonID = taxonID
        self.metadata = metadata
        self.origins = origins
    }

    /// Every origin: the recorded ones, or the label alone for a taxon read once.
    public var allOrigins: [TaxonOrigin] {
        origins.isEmpty ? [TaxonOrigin(label: label)] : origins
    }
}
