import FormatKit
import ProfileModel

/// How a delimited table maps onto a profile: where the header is, which column holds
/// what, where sample ids come from, and the unit and structure of the values.
///
/// The compiled tabular plugins build a layout from the header they find; descriptor
/// plugins build one from their YAML. One engine (``TableImporter``) reads them all.
public struct TableLayout: Sendable, Hashable {
    /// A column, by its header text (compared case-insensitively) or by its 1-based position.
    public enum ColumnRef: Sendable, Hashable, CustomStringConvertible {
        case name(String)
        case index(Int)
        /// The first of these headers that the table has; an optional column when none is present.
        case anyOf([String])

        public var description: String {
            switch self {
            case .name(let name): "'\(name)'"
            case .index(let index): "column \(index)"
            case .anyOf(let names): "one of " + names.map { "'\($0)'" }.joined(separator: ", ")
            }
        }
    }

    /// Where sample ids come from.
    public enum SampleSource: Sendable, Hashable {
        /// Long layout: each row names its sample in this column.
        case column(ColumnRef)
        /// One sample, named after the file; `pattern` is a regular expression whose first
        /// capture group is the id (default: the file name without its extensions).
        case fileName(pattern: String?)
        /// One sample, named by this key of the key-value block above the header.
        case preamble(key: String)
        /// Wide layout, taxa as rows: every column not mapped to anything else is a sample.
        case eachColumn(excluding: [ColumnRef])
        /// Wide layout, samples as rows: this column names the sample, every other column is a taxon.
        case eachRow(idColumn: ColumnRef, excluding: [ColumnRef])
    }

    /// How to find the header line.
    public enum HeaderRule: Sendable, Hashable {
        /// The first line, after skipped lines, whose field count is the table's (sniffed).
        case sniffed
        /// The first line (after skipped lines) that holds all these cells.
        case containing([String])
        /// The table has no header: data starts after the skipped lines and columns are named by position.
        case absent
    }

    /// A key-value block above the header (`Sample ID: 123`), as lab reports print it.
    public struct Preamble: Sendable, Hashable {
        /// What separates a key from its value on a line (`:` by default).
        public var separator: String
        /// Keys copied into sample metadata, with the metadata key to store them under.
        public var metadata: [String: String]

        public init(separator: String = ":", metadata: [String: String] = [:]) {
            self.separator = separator
            self.metadata = metadata
        }
    }

    /// The columns that describe taxa and values.
    public struct Columns: Sendable, Hashable {
        /// The feature id; by default the taxon id, else the name, else the lineage text.
        public var featureID: ColumnRef?
        public var taxonName: ColumnRef?
        public var rank: ColumnRef?
        public var lineage: ColumnRef?
        public var taxonID: ColumnRef?
        /// The taxon id of the parent row (the table holds a tree, as uBiome exports do).
        public var parentID: ColumnRef?
        /// A `|`-separated path of taxon ids from the root to the row (ganon, KMCP).
        public var taxonIDPath: ColumnRef?
        /// The label to keep as the source wrote it, when it is neither the id nor the name.
        public var label: ColumnRef?
        /// The abundance; unused in wide layouts, where every sample column holds values.
        public var abundance: ColumnRef?
        /// Columns stored as sample metadata, with their metadata keys.
        public var sampleMetadata: [ColumnRef: String]
        /// Columns stored as taxon metadata, with their metadata keys.
        public var taxonMetadata: [ColumnRef: String]
        /// Whether every column not mapped to anything is stored as sample metadata under its header.
        public var remainingToSampleMetadata: Bool

        public init(featureID: ColumnRef? = nil, taxonName: ColumnRef? = nil, rank: ColumnRef? = nil,
                    lineage: ColumnRef? = nil, taxonID: ColumnRef? = nil, parentID: ColumnRef? = nil,
                    taxonIDPath: ColumnRef? = nil, label: ColumnRef? = nil, abundance: ColumnRef? = nil,
                    sampleMetadata: [ColumnRef: String] = [:], taxonMetadata: [ColumnRef: String] = [:],
                    remainingToSampleMetadata: Bool = false) {
            self.featureID = featureID
            self.taxonName = taxonName
            self.rank = rank
            self.lineage = lineage
            self.taxonID = taxonID
            self.parentID = parentID
            self.taxonIDPath = taxonIDPath
            self.label = label
            self.abundance = abundance
            self.sampleMetadata = sampleMetadata
            self.taxonMetadata = taxonMetadata
            self.remainingToSampleMetadata = remainingToSampleMetadata
        }
    }

    public var dialect: DialectSettings
    /// A forced text encoding (descriptors), used when the user forced none.
    public var encoding: TextEncoding?
    /// Lines skipped before looking for the header.
    public var skipLines: Int
    public var header: HeaderRule
    /// Data lines starting with this text are ignored (never the header line itself).
    public var commentPrefix: String?
    /// Whether rows with fewer fields than the header are read as if the missing trailing cells were empty
    /// (KMCP leaves its taxonomy columns out when it ran without a taxonomy); otherwise they are an error.
    public var padsShortRows: Bool
    /// Cells read as "no value".
    public var missingTokens: Set<String>
    /// Values of the taxon cell (the name, else the lineage, else the feature id; compared
    /// case-insensitively) that make a row the table's unclassified mass (``Taxon/unclassified(label:)``).
    public var unclassifiedValues: [String]
    /// How metadata dates other than ISO ones are written (day-first `DD.MM.YYYY` unless told).
    public var dateLayouts: [DateLayout]
    public var preamble: Preamble?
    public var samples: SampleSource
    public var columns: Columns
    /// The unit; `nil` infers it from the values.
    public var unit: AbundanceUnit?
    /// Whether rows are leaves or clade-cumulative; `nil` reads leaves and warns when lineages nest.
    public var structure: ProfileStructure?
    /// The system of values in the taxon id column (`ncbi`, `gtdb`).
    public var taxonomySystem: String?
    /// Whether the feature id column may hold a lineage to parse (wide tables whose first column is `k__…;p__…`).
    public var parsesLineageFromFeatureID: Bool
    /// Facts copied into the table's provenance source (`pipeline`, `vendor`).
    public var provenance: [String: String]

    public init(dialect: DialectSettings = DialectSettings(), encoding: TextEncoding? = nil, skipLines: Int = 0,
                header: HeaderRule = .sniffed, commentPrefix: String? = nil, padsShortRows: Bool = false,
                missingTokens: Set<String> = NumberCells.defaultMissingTokens, unclassifiedValues: [String] = [],
                dateLayouts: [DateLayout] = DateLayout.defaults, preamble: Preamble? = nil,
                samples: SampleSource, columns: Columns = Columns(), unit: AbundanceUnit? = nil,
                structure: ProfileStructure? = nil, taxonomySystem: String? = nil,
                parsesLineageFromFeatureID: Bool = false, provenance: [String: String] = [:]) {
        self.dialect = dialect
        self.encoding = encoding
        self.skipLines = skipLines
        self.header = header
        self.commentPrefix = commentPrefix
        self.padsShortRows = padsShortRows
        self.missingTokens = missingTokens
        self.unclassifiedValues = unclassifiedValues
        self.dateLayouts = dateLayouts
        self.preamble = preamble
        self.samples = samples
        self.columns = columns
        self.unit = unit
        self.structure = structure
        self.taxonomySystem = taxonomySystem
        self.parsesLineageFromFeatureID = parsesLineageFromFeatureID
        self.provenance = provenance
    }
}
