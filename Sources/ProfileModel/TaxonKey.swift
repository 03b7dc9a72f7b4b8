/// The one definition of "the same taxon", used by every transform that merges taxa
/// (``ProfileTable/mappingTaxa(action:parameters:_:)``, ``ProfileTable/collapsed(to:)``,
/// ``ProfileTable/concatenating(_:duplicateSamples:)``) and by taxonomy reconciliation.
///
/// In order of preference:
/// 1. the tax id within its system (`ncbi:816`; the release is not part of the identity);
/// 2. the full normalised lineage — ranked named levels from the top, names compared with
///    case, runs of spaces and underscores folded (`Faecalibacterium_prausnitzii` is
///    `Faecalibacterium prausnitzii`). A placeholder (`uncultured`, `unclassified`, `sp.`)
///    therefore equals only the same placeholder under the same parent;
/// 3. a sequence feature's id (an ASV hash, an OTU id), for rows of one table that share a
///    lineage: they are distinct features, joined across tables by their feature id only;
/// 4. otherwise the taxon has only a bare name (one level, not a domain), and a bare name is
///    never an identity: homonyms exist across kingdoms. Its key equals only the same name in
///    the same input (its `scope`).
public enum TaxonKey: Sendable, Hashable, CustomStringConvertible {
    case taxonID(system: String, value: String)
    case lineage([LineageEntry])
    case feature(String)
    case bareName(String, scope: String)

    /// The key of one taxon considered alone (without the sequence-feature rule, which needs
    /// the whole table: see ``ProfileTable/taxonKeys(scope:)``).
    public init(_ taxon: Taxon, scope: String) {
        if let id = taxon.taxonID {
            self = .taxonID(system: id.system.lowercased(), value: id.value)
            return
        }
        let path = TaxonKey.normalisedPath(taxon.lineage)
        if path.count >= 2 || (path.count == 1 && (path[0].rank == .domain || path[0].rank == .kingdom)) {
            self = .lineage(path)
        } else {
            self = .bareName(TaxonKey.normalisedName(path.first?.name ?? taxon.label), scope: scope)
        }
    }

    /// The ranked named levels with normalised names; when a lineage has no ranked level,
    /// its unranked named levels.
    public static func normalisedPath(_ lineage: Lineage) -> [LineageEntry] {
        let named = lineage.namedPath
        let ranked = named.filter { $0.rank != .unranked }
        return (ranked.isEmpty ? named : ranked).map { LineageEntry(rank: $0.rank, name: normalisedName($0.name)) }
    }

    /// A name with case folded, surrounding space trimmed and runs of spaces and underscores made one space.
    public static func normalisedName(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for character in name.lowercased() {
            if character == " " || character == "_" || character == "\t" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    public var description: String {
        switch self {
        case .taxonID(let system, let value): "\(system):\(value)"
        case .lineage(let path): path.map { "\($0.rank.prefixLetter.map { "\($0)__" } ?? "")\($0.name)" }.joined(separator: ";")
        case .feature(let id): "feature:\(id)"
        case .bareName(let name, let scope): "name:\(name)@\(scope)"
        }
    }
}

extension ProfileTable {
    /// The identity of every taxon, in table order, with bare names scoped to `scope` (the input
    /// they came from; by default the table's source file). Taxa of this table that share a
    /// lineage are sequence features and are keyed by their feature ids.
    public func taxonKeys(scope: String? = nil) -> [TaxonKey] {
        let scope = scope ?? provenance.source[.sourceFile] ?? ""
        var keys = taxa.map { TaxonKey($0, scope: scope) }
        var seen: [TaxonKey: Int] = [:]
        var shared = Set<TaxonKey>()
        for key in keys {
            guard case .lineage = key else { continue }
            if seen[key, default: 0] > 0 { shared.insert(key) }
            seen[key, default: 0] += 1
        }
        guard !shared.isEmpty else { return keys }
        for index in keys.indices where shared.contains(keys[index]) { keys[index] = .feature(taxa[index].id) }
        return keys
    }
}
