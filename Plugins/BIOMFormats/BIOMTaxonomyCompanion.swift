import FormatKit
import ProfileModel
import TabularKit

/// The `taxonomy` companion of a BIOM import: a QIIME 2 `taxonomy.tsv` (`Feature ID`, `Taxon`,
/// `Confidence`) or any other table ``TaxonomyCompanion`` reads, joined to the observations by
/// id. Its lineage replaces what the observation metadata said, since the user named it; the
/// classifier's confidence becomes taxon metadata. Both BIOM readers apply it before building.
enum BIOMTaxonomyCompanion {
    /// How the companion is described to users.
    static let description = TaxonomyCompanion.description

    /// Annotates the builder's observations from `input`'s taxonomy companion, if it has one.
    static func apply(from input: ImportInput, to builder: inout ProfileTableBuilder) throws(ImportError) {
        guard let companion = input.companions[TaxonomyCompanion.role] else { return }
        try TaxonomyCompanion.read(companion).annotate(&builder)
    }
}
