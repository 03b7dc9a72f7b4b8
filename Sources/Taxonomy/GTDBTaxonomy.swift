import ProfileModel

/// The names of a GTDB taxonomy file (`bac120_taxonomy_rNN.tsv`, `ar53_taxonomy_rNN.tsv`,
/// `ar122_…` up to R202): one genome per line, its accession (`RS_`/`GB_` prefixed), a tab and
/// the lineage joined by `;` (`d__Bacteria;p__Firmicutes;…;s__Staphylococcus aureus`), no header
/// (`docs/TAXONOMY.md` §1.6). Several files (bacteria and archaea) may be loaded into one value.
public struct GTDBTaxonomy: Sendable {
    /// A name at a rank.
    public struct RankedName: Sendable, Hashable {
        public var rank: Rank
        public var name: String
    }

    /// Every taxon, with the lineage from its domain down to it.
    public private(set) var lineages: [RankedName: Lineage] = [:]
    /// Suffixed names by the name without its suffixes (`Blautia` → `Blautia`, `Blautia_A`).
    public private(set) var suffixVariants: [RankedName: Set<String>] = [:]
    /// The number of genome lines read.
    public private(set) var genomeCount = 0

    public init() {}

    /// Adds the taxa of the file at `path`.
    public mutating func load(path: String) throws(TaxonomyError) {
        try LineReader(path: path).forEachLine { line, number throws(TaxonomyError) in
            if line.isEmpty { return }
            let text = String(decoding: line, as: UTF8.self)
            guard let tab = text.firstIndex(of: "\t") else {
                throw .malformed(file: path, line: number, reason: "a GTDB taxonomy line needs an accession, a tab and a lineage",
                                 hint: "use bac120_taxonomy or ar53_taxonomy files, not the metadata tables")
            }
            let lineage = LineageParser.parse(String(text[text.index(after: tab)...]))
            guard lineage.name(at: .domain) != nil else {
                throw .malformed(file: path, line: number, reason: "the lineage does not start with d__",
                                 hint: "GTDB lineages read d__Domain;p__…;s__Genus epithet")
            }
            add(lineage)
        }
    }

    /// The lineage of `name` at `rank`, if GTDB has that taxon.
    public func lineage(of name: String, rank: Rank) -> Lineage? {
        lineages[RankedName(rank: rank, name: name)]
    }

    /// The GTDB names at `rank` that are `name` with or without an alphabetic suffix.
    public func variants(of name: String, rank: Rank) -> Set<String> {
        let base = LineageParser.splitGTDBSuffix(name)?.base ?? name
        return suffixVariants[RankedName(rank: rank, name: base)] ?? []
    }

    private mutating func add(_ lineage: Lineage) {
        genomeCount += 1
        var path: [LineageEntry] = []
        for entry in lineage.entries {
            path.append(entry)
            guard !entry.name.isEmpty else { continue }
            let key = RankedName(rank: entry.rank, name: entry.name)
            if lineages[key] == nil, let prefix = Lineage(path) { lineages[key] = prefix }
            let base = LineageParser.splitGTDBSuffix(entry.name)?.base ?? entry.name
            suffixVariants[RankedName(rank: entry.rank, name: base), default: []].insert(entry.name)
        }
    }
}
