import ProfileModel

/// Resolves one taxon to a target naming; a pure function of the taxon, the target and the
/// reference data. Tax ids are tried first (merged ids followed, deleted ids reported), then
/// every named lineage level: normalisation, placeholder recognition, GTDB suffixes, bundled
/// renames, and the loaded taxdump or GTDB names.
public struct TaxonResolver: Sendable {
    public let target: TargetTaxonomy
    public let reference: ReferenceData
    /// When set, resolved lineages are cut after this rank.
    public let rank: Rank?

    public init(target: TargetTaxonomy, reference: ReferenceData = ReferenceData(), rank: Rank? = nil) {
        self.target = target
        self.reference = reference
        self.rank = rank
    }

    /// The resolution of `taxon`.
    public func resolve(_ taxon: Taxon) -> ResolvedTaxon {
        var work = ResolutionWork(taxon: taxon)
        if let taxdump = reference.taxdump, let id = taxon.taxonID, id.system == "ncbi" {
            TaxIDResolution(taxdump: taxdump).resolve(id.value, into: &work)
        }
        // A tax id the taxdump rejects is reported as it is, not replaced by a name match; a
        // lineage taken from the taxdump is NCBI's already, though other targets still rename it.
        if !work.methods.contains(.unresolved), !work.lineageSettled || target != .ncbi {
            NameResolution(target: target, reference: reference).resolve(into: &work)
        }
        if let rank { work.collapse(to: rank, taxdump: reference.taxdump) }
        return work.finished()
    }
}

/// The state of one taxon while it is being resolved.
struct ResolutionWork {
    let original: Taxon
    var taxon: Taxon
    var methods: Set<ResolutionMethod> = []
    var evidence: [Evidence] = []
    var placeholders: [String: [PlaceholderKind]] = [:]
    /// Set once the tax id gave a lineage from the taxdump, which name lookups must not undo.
    var lineageSettled = false

    init(taxon: Taxon) {
        original = taxon
        self.taxon = taxon
    }

    mutating func record(_ method: ResolutionMethod, _ detail: String, source: String) {
        methods.insert(method)
        evidence.append(Evidence(method: method, detail: detail, source: source))
    }

    /// Evidence about one level that does not decide the taxon's method (a higher rank missing
    /// from the reference while the deepest level resolved).
    mutating func note(_ method: ResolutionMethod, _ detail: String, source: String) {
        evidence.append(Evidence(method: method, detail: detail, source: source))
    }

    /// Cuts the lineage after `rank` (empty deeper levels such as Greengenes' `s__` go too);
    /// the tax id then names the level at that rank when the taxdump knows it, and is dropped
    /// otherwise (it named a deeper taxon). Only cutting a named level counts as a rank collapse.
    mutating func collapse(to rank: Rank, taxdump: NCBITaxdump?) {
        guard let depth = rank.depth else { return }
        let deeper = taxon.lineage.entries.filter { ($0.rank.depth ?? -1) > depth }
        guard !deeper.isEmpty else { return }
        let cut = taxon.lineage.truncated(after: rank)
        guard deeper.contains(where: { !$0.name.isEmpty }) else {
            taxon.lineage = cut
            return
        }
        let levelID = taxon.metadata["ncbi-id-lineage"].flatMap { _ in idAtRank(rank, taxdump: taxdump) }
        record(.rankCollapse, "lineage cut after \(rank.rawValue): \(LineageFormatter.prefixed(cut))",
               source: "--rank \(rank.rawValue)")
        taxon.lineage = cut
        taxon.taxonID = levelID.map { TaxonID(system: "ncbi", value: String($0)) }
        for key in ["ncbi-lineage", "ncbi-id-lineage", "ncbi-rank-lineage"] { taxon.metadata[key] = nil }
    }

    private func idAtRank(_ rank: Rank, taxdump: NCBITaxdump?) -> Int? {
        guard let taxdump, let id = taxon.taxonID.flatMap({ Int($0.value) }), let levels = taxdump.lineage(of: id) else { return nil }
        return levels.last { LineageParser.ncbiRank(word: $0.rank) == rank }?.taxID
    }

    func finished() -> ResolvedTaxon {
        let used = ResolutionMethod.precedence.filter(methods.contains)
        return ResolvedTaxon(original: original, resolved: taxon, method: used.first ?? .exact,
                             methods: used.isEmpty ? [.exact] : used, evidence: evidence, placeholders: placeholders)
    }
}
