/// The header names the generic tabular plugins recognise for each role (compared
/// case-insensitively), in order of preference.
enum TableColumnNames {
    static let sample = ["sample", "sample_id", "sampleid", "sample id", "#sampleid", "sample_name", "samplename"]
    static let taxon = ["taxon", "feature", "feature_id", "feature id", "featureid", "otu", "otu_id", "otu id", "#otu id",
                        "asv", "asv_id", "clade", "clade_name", "taxon_name"]
    static let value = ["value", "abundance", "count", "counts", "reads", "read_count", "relative_abundance",
                        "rel_abundance", "fraction", "percent", "percentage"]
    static let rank = ["rank", "taxon_rank", "tax_rank", "taxonomic_rank"]
    static let lineage = ["taxonomy", "lineage", "consensus lineage", "consensuslineage", "classification", "taxon_lineage"]
    static let taxonID = ["taxon_id", "taxid", "tax_id", "ncbi_tax_id", "ncbi_taxid", "taxonomy_id"]
    static let label = ["label"]
    /// Numeric columns of taxonomy tables: a classifier's confidence, mothur's OTU size.
    static let taxonomyAnnotation = ["confidence", "consensus", "size"]
    /// Alpha-diversity metric names as QIIME 1's `alpha_diversity.py` heads its columns (its
    /// `-m` choices) and as scikit-bio and QIIME 2 name them: a table of these per sample is a
    /// diversity result, not a profile.
    static let alphaDiversityMetric = [
        "pd_whole_tree", "faith_pd", "chao1", "chao1_ci", "ace", "observed_otus", "observed_species",
        "observed_features", "shannon", "shannon_entropy", "simpson", "simpson_e", "simpson_reciprocal",
        "goods_coverage", "berger_parker_d", "brillouin_d", "dominance", "doubles", "singles", "enspie",
        "equitability", "esty_ci", "fisher_alpha", "gini_index", "heip_e", "kempton_taylor_q", "margalef",
        "mcintosh_d", "mcintosh_e", "menhinick", "michaelis_menten_fit", "osd", "robbins", "strong",
        "pielou_e", "evenness", "lladser_pe", "lladser_ci",
    ]
    /// First header cells that mean "one row per sample".
    static let sampleCorner = ["sample", "sample_id", "sampleid", "sample id", "#sampleid", "samples", "#sample id"]
}
