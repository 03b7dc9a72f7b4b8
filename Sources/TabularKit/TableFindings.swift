import FormatKit

/// What sniffing a table's first lines found: its dialect and header line. A detector that
/// sniffed returns it as its findings, and ``TableImporter`` reads with it instead of
/// sniffing again, so detection and reading cannot pick different dialects.
public struct TableFindings: Sendable, Hashable {
    /// The settings the sniffer was given; the findings hold for layouts with the same ones.
    public var settings: DialectSettings
    public var dialect: TableDialect
    /// The 0-based index of the header among the prefix's lines.
    public var headerIndex: Int
    /// The number of fields most lines have.
    public var fieldCount: Int

    public init(settings: DialectSettings, sniffed: DialectSniffer.Result) {
        self.settings = settings
        self.dialect = sniffed.dialect
        self.headerIndex = sniffed.headerIndex
        self.fieldCount = sniffed.fieldCount
    }

    /// Whether a layout finds its header the way these findings were made: sniffed from the
    /// first line on, with the same dialect settings.
    func apply(to layout: TableLayout) -> Bool {
        layout.skipLines == 0 && layout.header == .sniffed && layout.dialect == settings
    }
}
