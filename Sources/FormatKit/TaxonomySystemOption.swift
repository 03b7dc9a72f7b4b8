/// The `taxonomy-system` import option of formats whose bare numeric tax ids belong to
/// whatever taxonomy the classifier's database was built from (Kraken 2, Bracken, KrakenUniq,
/// Centrifuge, DIAMOND, MEGAN).
///
/// A Kraken 2 database built from SILVA or GTDB numbers its taxa itself, and those numbers
/// collide with unrelated NCBI ids (kraken2 issue #575: SILVA's 45409 is Lachnospiraceae,
/// NCBI's 45409 a virus). The report does not say which, so the system is never guessed: it
/// is `ncbi` unless the user says otherwise, and it is recorded in the provenance.
public enum TaxonomySystemOption {
    /// The option name (`--option taxonomy-system=gtdb`).
    public static let name = "taxonomy-system"
    /// The values allowed, the default first.
    public static let allowed = ["ncbi", "silva", "gtdb", "unknown"]
    /// The provenance key the chosen system is recorded under.
    public static let provenanceKey = "taxonomy-system"

    /// The system the options name, `ncbi` when they name none.
    public static func read(_ options: ImportOptions, input: ImportInput) throws(ImportError) -> String {
        guard let value = options.parameters[name] else { return allowed[0] }
        guard allowed.contains(value) else {
            throw .unsupported(input.location(),
                               reason: "option \(name) must be one of \(allowed.joined(separator: ", ")), not '\(value)'")
        }
        return value
    }
}
