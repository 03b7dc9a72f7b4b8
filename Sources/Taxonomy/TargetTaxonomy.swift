/// The naming a reconciliation aims at.
public enum TargetTaxonomy: String, Sendable, Hashable, CaseIterable, Codable {
    /// NCBI Taxonomy's current scientific names (and tax ids when a taxdump is loaded).
    case ncbi
    /// GTDB's names, suffixes included.
    case gtdb
    /// The current validly published names as LPSN lists them.
    case lpsn
}
