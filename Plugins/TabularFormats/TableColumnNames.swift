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
    /// First header cells that mean "one row per sample".
    static let sampleCorner = ["sample", "sample_id", "sampleid", "sample id", "#sampleid", "samples", "#sample id"]
}
