/// A taxonomic rank, ordered from domain down to strain; `unranked` stands outside that order.
///
/// Kingdom and domain are kept apart because Greengenes writes `k__Bacteria` where
/// SILVA and GTDB write `d__Bacteria`; reconciliation maps one onto the other later.
public enum Rank: String, Sendable, Hashable, CaseIterable, Codable {
    case domain, kingdom, phylum
    case `class`
    case order, family, genus, species, strain
    case unranked

    /// The depth of a ranked level (domain = 0 … strain = 8); `nil` for `unranked`.
    public var depth: Int? {
        switch self {
        case .domain: 0
        case .kingdom: 1
        case .phylum: 2
        case .class: 3
        case .order: 4
        case .family: 5
        case .genus: 6
        case .species: 7
        case .strain: 8
        case .unranked: nil
        }
    }

    /// The ranked levels in order, without `unranked`.
    public static let ordered: [Rank] = [.domain, .kingdom, .phylum, .class, .order, .family, .genus, .species, .strain]

    /// The one-letter prefix used by Greengenes, SILVA, GTDB and MetaPhlAn (`p` for phylum); `nil` for `unranked`.
    public var prefixLetter: Character? {
        switch self {
        case .domain: "d"
        case .kingdom: "k"
        case .phylum: "p"
        case .class: "c"
        case .order: "o"
        case .family: "f"
        case .genus: "g"
        case .species: "s"
        case .strain: "t"
        case .unranked: nil
        }
    }

    /// The rank for a one-letter prefix (`k`, `d`, `p`, … `t`), case-insensitive.
    public init?(prefixLetter: Character) {
        let lower = Character(prefixLetter.lowercased())
        guard let rank = Rank.ordered.first(where: { $0.prefixLetter == lower }) else { return nil }
        self = rank
    }

    /// The rank for a rank word as tools write it in headers and rank columns
    /// (`Kingdom`, `superkingdom`, `phylum`, `Class`, `Species`, `subspecies`, `strain`, …).
    public init?(name: String) {
        switch name.lowercased().trimmingCharacters(in: .whitespaces) {
        case "domain", "superkingdom", "realm", "acellular root", "cellular root": self = .domain
        case "kingdom": self = .kingdom
        case "phylum", "division": self = .phylum
        case "class": self = .class
        case "order": self = .order
        case "family": self = .family
        case "genus": self = .genus
        case "species": self = .species
        case "strain", "subspecies", "isolate", "sgb", "serotype", "forma specialis": self = .strain
        case "unranked", "no rank", "clade": self = .unranked
        default: return nil
        }
    }
}
