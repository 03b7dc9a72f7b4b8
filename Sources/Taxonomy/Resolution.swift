import ProfileModel

/// How a taxon (or one level of its lineage) was matched to the target naming.
public enum ResolutionMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Found as it is (in the loaded reference data, or needing no change without it).
    case exact
    /// Rewritten by a database-convention rule (``NormalizationRule``).
    case normalised
    /// Renamed by a bundled, sourced rename row.
    case rename
    /// Found as a synonym (or other non-scientific name class) in `names.dmp`.
    case synonym
    /// The tax id was merged into another one (`merged.dmp`).
    case mergedTaxID = "merged-tax-id"
    /// A GTDB alphabetic suffix was removed, or a unique suffixed GTDB name was chosen.
    case gtdbSuffix = "gtdb-suffix"
    /// The lineage was filled in from the taxdump by tax id.
    case lineageFromTaxID = "lineage-from-tax-id"
    /// The lineage was cut at the chosen rank, or back to the deepest level that resolved.
    case rankCollapse = "rank-collapse"
    /// Could not be matched (deleted tax id, unknown or ambiguous name); the original is kept.
    case unresolved

    /// Which method names a taxon whose levels used several: the most consequential first.
    static let precedence: [ResolutionMethod] = [.unresolved, .mergedTaxID, .synonym, .rename, .gtdbSuffix,
                                                  .rankCollapse, .lineageFromTaxID, .normalised, .exact]
}

/// Why a name was resolved the way it was, and where that fact comes from.
public struct Evidence: Sendable, Hashable, Codable {
    public var method: ResolutionMethod
    /// What happened, in a sentence (`merged.dmp: 12345 → 562`).
    public var detail: String
    /// The source of the fact (a bundled row's citation, a reference file, a rule).
    public var source: String

    public init(method: ResolutionMethod, detail: String, source: String) {
        self.method = method
        self.detail = detail
        self.source = source
    }
}

/// A taxon matched to a target naming: the resolved taxon (its original label untouched), the
/// methods used, the evidence for each change, and the identity under which it merges.
public struct ResolvedTaxon: Sendable, Hashable {
    public var original: Taxon
    public var resolved: Taxon
    /// The primary method (see ``ResolutionMethod/precedence``).
    public var method: ResolutionMethod
    /// Every method used, in order of precedence.
    public var methods: [ResolutionMethod]
    public var evidence: [Evidence]
    /// Placeholder kinds seen in the lineage, by the name that shows them.
    public var placeholders: [String: [PlaceholderKind]]

    /// The identity under which the resolved taxon merges with others: the model's
    /// ``ProfileModel/TaxonKey`` (tax id within its system, else the whole normalised lineage,
    /// never a bare name on its own).
    public var identity: TaxonKey { TaxonKey(resolved, scope: "") }
}
