import FormatKit
import TabularKit

/// A parsed descriptor: a report layout described in YAML, ready to become a plugin.
public struct Descriptor: Sendable, Hashable {
    /// The format id the descriptor registers (`kaiju-table`).
    public var id: String
    public var name: String
    public var summary: String
    /// The tool or vendor that writes the layout (recorded as provenance `pipeline`).
    public var tool: String?
    public var versions: [String]
    public var extensions: [String]
    public var specURL: String?
    /// How to recognise the layout.
    public var detection: DescriptorDetection
    /// How to read it: the columns (for a document, field paths) and everything else.
    public var layout: TableLayout
    /// For a tree-shaped report (JSON, YAML, XML): where its records and values are; `nil` for a table.
    public var document: DocumentLayout? = nil
    /// Where the descriptor came from (`builtin:kaiju/kaiju2table-v1.yaml` or a file path).
    public var origin: String

    /// The format description the plugin shows.
    public var formatDescription: FormatDescription {
        FormatDescription(id: id, name: name, summary: summary, versions: versions, extensions: extensions,
                          specURL: specURL, canImport: true, canExport: false,
                          companions: [TaxonomyCompanion.description],
                          importOptions: layout.structure == nil ? [TableImportOptions.structure] : [],
                          textEncoding: layout.encoding, kind: .descriptor)
    }
}

/// A descriptor's detection rules; every rule given must hold.
public struct DescriptorDetection: Sendable, Hashable {
    /// A glob (`*.kaiju.tsv`) the file name must match.
    public var fileNamePattern: String?
    /// Cells one line of the prefix must hold (compared case-insensitively).
    public var headerCells: [String]
    /// A regular expression one of the first `withinLines` lines must match.
    public var linePattern: String?
    public var withinLines: Int

    public init(fileNamePattern: String? = nil, headerCells: [String] = [], linePattern: String? = nil, withinLines: Int = 20) {
        self.fileNamePattern = fileNamePattern
        self.headerCells = headerCells
        self.linePattern = linePattern
        self.withinLines = withinLines
    }

    /// Whether any rule is given (a descriptor without rules is only used with `--from`).
    public var hasRules: Bool { fileNamePattern != nil || !headerCells.isEmpty || linePattern != nil }
}
