/// The catalogue of diagnostic codes: every non-fatal finding the hub reports has its stable
/// dotted code, default severity and meaning here, and nowhere else. `Formats/PLUGIN_GUIDE.md`
/// lists the same catalogue for plugin authors (a test keeps the two in step).
///
/// A plugin reports a finding with ``Diagnostic/init(_:message:sample:taxon:location:)``;
/// a new kind of finding gets a new entry here first, named by what it means rather than by
/// the plugin that raises it (BIOM and tables both infer units: one `unit.inferred`).
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
    /// The stable dotted code (`unit.inferred`).
    public let rawValue: String
    /// How serious the finding is unless the raiser says otherwise.
    public let severity: Diagnostic.Severity
    /// What the finding means, in one line.
    public let meaning: String

    private init(_ rawValue: String, _ severity: Diagnostic.Severity, _ meaning: String) {
        self.rawValue = rawValue
        self.severity = severity
        self.meaning = meaning
    }

    public var description: String { rawValue }

    // MARK: Values and units

    public static let unitInferred = DiagnosticCode(
        "unit.inferred", .info, "the file does not state its unit, so it was inferred from the values (`--unit` overrides)")
    public static let fractionalCounts = DiagnosticCode(
        "abundance.fractional-counts", .info, "the unit is counts but some values are fractional (kept as written)")
    public static let childrenExceedParent = DiagnosticCode(
        "abundance.children-exceed-parent", .warning, "in a clade-cumulative table, a clade's children sum to more than the clade")
    public static let percentMismatch = DiagnosticCode(
        "abundance.percent-mismatch", .warning, "a report's percentages disagree with its read counts over the report's total")
    public static let sumOverWhole = DiagnosticCode(
        "abundance.sum-over-whole", .warning,
        "a sample of a compositional unit sums to more than the whole (100 %, 1, 10⁶ cpm), counted once per the structure")
    public static let percentLikeCounts = DiagnosticCode(
        "abundance.percent-like-counts", .warning,
        "values read as counts are fractional and at most 100 yet a sample sums past 100: overlapping percentages, most likely")

    // MARK: Tables and text

    public static let windows1252 = DiagnosticCode(
        "encoding.windows-1252", .warning, "the text is not valid UTF-8 and was read as Windows-1252")
    public static let missingValues = DiagnosticCode(
        "table.missing-values", .info, "cells hold a missing-value token (such as NA) and were read as absent")
    public static let zeroRowsOmitted = DiagnosticCode(
        "table.zero-rows-omitted", .info, "rows that are zero in every sample (a reference database's full listing) are not kept")
    public static let metadataVaries = DiagnosticCode(
        "table.metadata-varies", .warning, "a long table gives one sample different metadata on different rows; the first is kept")
    public static let nestedLineages = DiagnosticCode(
        "structure.nested-lineages", .info,
        "rows named by lineages nest, so the table was read as clade-cumulative (`--option structure=leaves` overrides)")
    public static let subsetChosen = DiagnosticCode(
        "table.subset-chosen", .warning,
        "the file holds several alternative tables (mothur's distance labels) and one was read; an option chooses another")
    public static let noAbundances = DiagnosticCode(
        "table.no-abundances", .info, "the input gives taxa but no abundances (a taxonomy), so the table has no samples")
    public static let companionUnmatched = DiagnosticCode(
        "taxonomy.companion-unmatched", .warning, "features have no row in the taxonomy companion file")

    // MARK: BIOM

    public static let biomMissingField = DiagnosticCode(
        "biom.missing-field", .warning, "a field the BIOM specification requires, but reading does not need, is absent")
    public static let biomTaxonomyUnreadable = DiagnosticCode(
        "biom.taxonomy-unreadable", .warning, "a taxonomy value is neither a list of strings nor a string; it is kept as metadata")
    public static let biomElementTypeMismatch = DiagnosticCode(
        "biom.element-type-mismatch", .warning, "matrix_element_type says int but some values are fractional")
    public static let biomNNZMismatch = DiagnosticCode(
        "biom.nnz-mismatch", .warning, "the nnz attribute disagrees with the stored entries")
    public static let biomMetadataSkipped = DiagnosticCode(
        "biom.metadata-skipped", .warning, "a metadata dataset holds a type the hub does not read; it is left out")

    // MARK: Export

    public static let exportFieldDropped = DiagnosticCode(
        "export.field-dropped", .warning, "the target format cannot carry a part of the table (a declared loss)")

    /// Every code, in the order the plugin guide lists them.
    public static let catalogue: [DiagnosticCode] = [
        unitInferred, fractionalCounts, childrenExceedParent, percentMismatch, sumOverWhole, percentLikeCounts,
        windows1252, missingValues, zeroRowsOmitted, metadataVaries, nestedLineages, subsetChosen, noAbundances, companionUnmatched,
        biomMissingField, biomTaxonomyUnreadable, biomElementTypeMismatch, biomNNZMismatch, biomMetadataSkipped,
        exportFieldDropped,
    ]
}

extension Diagnostic {
    /// A finding with a catalogued code, at the code's severity unless `severity` is given.
    public init(_ code: DiagnosticCode, severity: Severity? = nil, message: String,
                sample: String? = nil, taxon: String? = nil, location: String? = nil) {
        self.init(code: code.rawValue, severity: severity ?? code.severity, message: message,
                  sample: sample, taxon: taxon, location: location)
    }
}
