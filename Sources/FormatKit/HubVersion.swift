/// The MicrobiomeHub release: what `mhub --version` prints, what `--json` summaries and the
/// `export` provenance step record, and what BIOM files name as their generator.
public enum HubVersion {
    /// The version number (semantic versioning).
    public static let current = "0.1.0"
    /// The program and its version, as a file's generator field names it (`mhub 0.1.0`).
    public static let generator = "mhub \(current)"
}
