/// The unit abundances are expressed in.
public enum AbundanceUnit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Read, fragment or sequence counts; integral values stay integers on export.
    case counts
    /// Fractions of the sample total (0…1).
    case relative
    /// Percent of the sample total (0…100).
    case percent
    /// Counts per million.
    case cpm
    /// A unit the hub does not interpret (for example `"TPM"` or `"coverage"`).
    case other(String)

    /// The unit's wire name: `counts`, `relative`, `percent`, `cpm`, or the other unit's own name.
    public var description: String {
        switch self {
        case .counts: "counts"
        case .relative: "relative"
        case .percent: "percent"
        case .cpm: "cpm"
        case .other(let name): name
        }
    }

    /// Parses a wire name; unknown names become `.other`.
    public init(wireName: String) {
        switch wireName {
        case "counts": self = .counts
        case "relative": self = .relative
        case "percent": self = .percent
        case "cpm": self = .cpm
        default: self = .other(wireName)
        }
    }

    /// The value a whole sample sums to in this unit, when the unit is compositional.
    public var wholeSampleTotal: Double? {
        switch self {
        case .relative: 1
        case .percent: 100
        case .cpm: 1_000_000
        case .counts, .other: nil
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(wireName: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// How the rows of a table relate to each other.
public enum ProfileStructure: String, Sendable, Hashable, Codable {
    /// Rows are disjoint features (an OTU/ASV table, a BIOM table): summing all rows gives the total.
    case leaves
    /// Rows exist at every rank and each rank sums to the total (MetaPhlAn, Kraken reports, most
    /// consumer reports). Summing all rows double-counts; use ``ProfileTable/sampleTotals()``.
    case cladeCumulative
}
