import ProfileModel

/// The `taxonomy-system` import option of formats whose bare numeric tax ids belong to
/// whatever taxonomy the classifier's database was built from (Kraken 2, Bracken, KrakenUniq,
/// Centrifuge, DIAMOND, MEGAN).
///
/// A Kraken 2 database built from SILVA or GTDB numbers its taxa itself, and those numbers
/// collide with unrelated NCBI ids (kraken2 issue #575: SILVA's 45409 is Lachnospiraceae,
/// NCBI's 45409 a virus). The report does not say which, so the system is never guessed: it
/// is `ncbi` unless the user says otherwise, and it is recorded in the provenance
/// (``SourceKey/taxonomySystem``).
public enum TaxonomySystemOption {
    /// The systems a classifier database can number its taxa in.
    public enum System: String, CaseIterable, Sendable {
        case ncbi, silva, gtdb, unknown
    }

    /// `--option taxonomy-system=ncbi|silva|gtdb|unknown`.
    public static let option = PluginOption.choice(
        "taxonomy-system", of: System.self, defaultValue: .ncbi,
        help: "the taxonomy the database's tax ids belong to; never guessed from the report")

    /// The system the options name, `ncbi` when they name none.
    public static func read(_ options: ImportOptions, format: String, input: ImportInput) throws(ImportError) -> String {
        do {
            return try options.choice(option, as: System.self, format: format, direction: .import)?.rawValue ?? System.ncbi.rawValue
        } catch {
            throw .invalidOption(input.location(), error)
        }
    }
}
