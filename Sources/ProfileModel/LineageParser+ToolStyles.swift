/// Lineage styles of individual tools that arrive in pieces rather than as one string: Kraken
/// report rank codes, NCBI name and rank lineages, and the alphabetic
/// suffixes GTDB (and Greengenes2, which takes its names from GTDB) puts on names.
/// Sources are in `docs/TAXONOMY.md` §1 of the design notes.
extension LineageParser {
    /// The rank a Kraken 2 report code names and how many levels below that rank the taxon sits:
    /// `G` is a genus, `G2` two levels below one, `R1` a rankless child of the root
    /// (Kraken 2 manual, `src/reports.cc`). `U` (unclassified) and `R` (root) have no rank;
    /// `nil` when the text is not a rank code.
    public static func krakenRank(code: String) -> (rank: Rank?, levelsBelow: Int)? {
        guard let letter = code.first, letter.isASCII else { return nil }
        let digits = code.dropFirst()
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let below = digits.isEmpty ? 0 : Int(digits) else {
            return nil
        }
        switch letter {
        case "U", "R": return (nil, below)
        case "D": return (.domain, below)
        case "K": return (.kingdom, below)
        case "P", "C", "O", "F", "G", "S":
            return (Rank(prefixLetter: letter), below)
        default: return nil
        }
    }

    /// A lineage from an NCBI name lineage and, when given, the matching rank lineage, as
    /// `taxonkit lineage -R` and taxpasta's `--add-lineage --add-rank-lineage` write them
    /// (`cellular organisms;Bacteria;…` and `no rank;superkingdom;…`).
    public static func fromNCBI(names: String, ranks: String? = nil, separator: Character = ";") -> Lineage {
        let nameLevels = names.split(separator: separator, omittingEmptySubsequences: false)
            .map { trimming($0, newlines: true) }
        let rankLevels = ranks?.split(separator: separator, omittingEmptySubsequences: false)
            .map { trimming($0, newlines: true) }
        return fromNCBI(levels: nameLevels.enumerated().map { index, name in
            (name, rankLevels.flatMap { index < $0.count ? $0[index] : nil } ?? "no rank")
        })
    }

    /// A lineage from NCBI levels, top first, each a name and its rank word. Levels whose rank
    /// word is not one of the hub's ranks (`no rank`, `clade`, `subgenus`) are kept as unranked
    /// entries, or left out when `keepingRankless` is false; a rank met a second time is
    /// treated the same way, so the lineage stays in rank order.
    public static func fromNCBI(levels: [(name: String, rank: String)], keepingRankless: Bool = true) -> Lineage {
        var entries: [LineageEntry] = []
        var deepest = -1
        for level in levels where !level.name.isEmpty {
            var rank = ncbiRank(word: level.rank) ?? .unranked
            if let depth = rank.depth {
                if depth <= deepest { rank = .unranked } else { deepest = depth }
            }
            if rank == .unranked && !keepingRankless { continue }
            entries.append(LineageEntry(rank: rank, name: level.name))
        }
        return Lineage(entries) ?? Lineage()
    }

    /// The hub rank of an NCBI rank word, matched exactly as `nodes.dmp` writes ranks:
    /// `superkingdom` and `domain` are the domain, `subspecies` and `strain` the strain level;
    /// rankless words (`no rank`, `clade`, `cellular root`) and intermediate ranks (`subgenus`,
    /// `tribe`) give `nil`.
    public static func ncbiRank(word: String) -> Rank? {
        switch word {
        case "superkingdom", "domain": .domain
        case "kingdom": .kingdom
        case "phylum": .phylum
        case "class": .class
        case "order": .order
        case "family": .family
        case "genus": .genus
        case "species": .species
        case "strain", "subspecies": .strain
        default: nil
        }
    }

    /// Splits GTDB's alphabetic suffix off a name: `Firmicutes_A` → (`Firmicutes`, `A`),
    /// `Ruminococcus flavefaciens_AA` → (`Ruminococcus flavefaciens`, `AA`), and in a species
    /// the genus suffix too: `Blautia_A obeum` → (`Blautia obeum`, `A`). `nil` when the name
    /// carries no suffix. A suffix is one or more capital letters after the last underscore of a
    /// word, as the GTDB FAQ describes them; SILVA's `_group`, `_UCG-004` or `_1` are not suffixes.
    public static func splitGTDBSuffix(_ name: String) -> (base: String, suffixes: [String])? {
        var suffixes: [String] = []
        let words = name.split(separator: " ", omittingEmptySubsequences: false).map { word -> Substring in
            guard let underscore = word.lastIndex(of: "_"), underscore != word.startIndex else { return word }
            let suffix = word[word.index(after: underscore)...]
            guard !suffix.isEmpty, suffix.count <= 3, suffix.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return word }
            suffixes.append(String(suffix))
            return word[..<underscore]
        }
        guard !suffixes.isEmpty else { return nil }
        return (words.joined(separator: " "), suffixes)
    }
}
