import FormatKit
import ProfileModel
import SafeYAML
import TabularKit

/// Turns descriptor YAML into a ``Descriptor``, reporting every problem of a file at once.
/// The language is documented key by key in `Formats/README.md`.
public enum DescriptorLoader {
    /// The language versions this hub reads (`descriptor: 1`).
    public static let languageVersions = 1...1

    /// The keys each section accepts (`""` is the top level); `Formats/README.md` documents every one.
    static let sectionKeys: [String: [String]] = [
        "": ["descriptor", "id", "name", "summary", "tool", "versions", "extensions", "spec_url", "dialect", "header",
             "preamble", "document", "sample", "columns", "unclassified", "dates", "unit", "structure", "taxonomy", "detect"],
        "dialect": ["delimiter", "decimal", "quote", "encoding", "comment", "missing", "short_rows"],
        "header": ["skip_lines", "find", "none"],
        "preamble": ["separator", "metadata"],
        "sample": ["column", "file_name", "preamble", "each_column", "path"],
        "columns": ["feature_id", "taxon_name", "rank", "lineage", "taxon_id", "parent_id", "taxon_id_path", "label",
                    "abundance", "sample_metadata", "taxon_metadata"],
        "detect": ["file_name", "header", "line_matches"],
        "document": ["syntax", "records", "metadata"],
    ]
    private static func keys(_ section: String) -> [String] { sectionKeys[section] ?? [] }

    /// Parses one descriptor. `file` names it in problems; `origin` is recorded in the descriptor.
    public static func load(_ bytes: [UInt8], file: String, origin: String? = nil) throws(DescriptorError) -> Descriptor {
        let root: YAMLNode
        do { root = try YAMLReader.document(in: bytes, file: file, limits: .configuration) } catch {
            throw .invalid(file: file, problems: [DescriptorError.problem(from: error)])
        }
        var reader = DescriptorSchemaReader(file: file)
        let descriptor = parse(root, reader: &reader, origin: origin ?? file)
        guard reader.problems.isEmpty, let descriptor else {
            throw .invalid(file: file, problems: reader.problems)
        }
        return descriptor
    }

    private static func parse(_ root: YAMLNode, reader: inout DescriptorSchemaReader, origin: String) -> Descriptor? {
        guard let top = reader.mapping(root, path: "", allowed: keys("")) else { return nil }
        func required(_ key: String) -> YAMLNode? {
            if let node = top[key] { return node }
            reader.problem(at: root, "required key '\(key)' is missing")
            return nil
        }

        if let version = required("descriptor") {
            _ = reader.integer(version, path: "descriptor", range: languageVersions)
        }
        let id = required("id").flatMap { reader.text($0, path: "id") }
        if let id, let node = top["id"], !FormatDescription.isValidID(id) {
            reader.problem(at: node, "id '\(id)' must be lowercase letters, digits and dashes, starting with a letter")
        }
        let name = required("name").flatMap { reader.text($0, path: "name") }
        let summary = top["summary"].flatMap { reader.text($0, path: "summary") }
        let tool = top["tool"].flatMap { reader.text($0, path: "tool") }
        let versions = top["versions"].flatMap { reader.textList($0, path: "versions") } ?? []
        let extensions = top["extensions"].flatMap { reader.textList($0, path: "extensions") } ?? []
        let specURL = top["spec_url"].flatMap { reader.text($0, path: "spec_url") }

        var layout = TableLayout(samples: .fileName(pattern: nil))
        if let dialect = top["dialect"] { readDialect(dialect, into: &layout, reader: &reader) }
        var headerCells: [String] = []
        if let header = top["header"] { headerCells = readHeader(header, into: &layout, reader: &reader) }
        if let preamble = top["preamble"] { readPreamble(preamble, into: &layout, reader: &reader) }
        let document = top["document"].flatMap { readDocument($0, into: &layout, top: top, reader: &reader) }
        let sampleNode = required("sample")
        if let sampleNode { readSample(sampleNode, into: &layout, isDocument: document != nil, reader: &reader) }
        if let columns = required("columns") { readColumns(columns, into: &layout, reader: &reader) }
        if let unclassified = top["unclassified"], let values = reader.textList(unclassified, path: "unclassified") {
            if values.isEmpty { reader.problem(at: unclassified, "unclassified must name at least one value") }
            layout.unclassifiedValues = values
        }
        if let dates = top["dates"] { readDates(dates, into: &layout, reader: &reader) }
        if let unit = top["unit"] {
            switch reader.choice(unit, path: "unit", options: ["auto", "counts", "relative", "percent", "cpm"]) {
            case "auto"?, nil: layout.unit = nil
            case let wire?: layout.unit = AbundanceUnit(wireName: wire)
            }
        }
        if let structure = top["structure"] {
            switch reader.choice(structure, path: "structure", options: ["leaves", "clade-cumulative"]) {
            case "clade-cumulative"?: layout.structure = .cladeCumulative
            default: layout.structure = .leaves
            }
        } else {
            layout.structure = .leaves
        }
        layout.taxonomySystem = top["taxonomy"].flatMap { reader.text($0, path: "taxonomy") }
        if let tool { layout.provenance["pipeline"] = tool }
        if let id { layout.provenance["descriptor"] = id }

        var detection = DescriptorDetection(headerCells: headerCells)
        if let detect = top["detect"] { readDetection(detect, into: &detection, reader: &reader) }
        checkConsistency(layout, root: root, sampleNode: sampleNode, top: top, reader: &reader)
        if layout.header == .absent { checkPositionalColumns(layout, node: top["columns"] ?? root, reader: &reader) }
        if let document { checkDocumentPaths(layout, document, node: top["columns"] ?? root, reader: &reader) }

        guard let id, let name else { return nil }
        return Descriptor(id: id, name: name, summary: summary ?? name, tool: tool, versions: versions,
                          extensions: extensions, specURL: specURL, detection: detection, layout: layout,
                          document: document, origin: origin)
    }

    // MARK: Sections

    private static func readDialect(_ node: YAMLNode, into layout: inout TableLayout, reader: inout DescriptorSchemaReader) {
        guard let entries = reader.mapping(node, path: "dialect", allowed: keys("dialect")) else { return }
        if let delimiter = entries["delimiter"],
           let value = reader.choice(delimiter, path: "dialect.delimiter", options: ["auto", "tab", "comma", "semicolon", "pipe"]) {
            layout.dialect.delimiter = TableDialect.delimiter(named: value)
        }
        if let decimal = entries["decimal"],
           let value = reader.choice(decimal, path: "dialect.decimal", options: ["auto", "point", "comma"]) {
            layout.dialect.decimalMark = value == "point" ? UInt8(ascii: ".") : value == "comma" ? UInt8(ascii: ",") : nil
        }
        if let quote = entries["quote"], let value = reader.text(quote, path: "dialect.quote") {
            if value == "none" {
                layout.dialect.quotingDisabled = true
            } else if value.utf8.count == 1 {
                layout.dialect.quote = value.utf8.first
            } else {
                reader.problem(at: quote, "dialect.quote must be one character or 'none'")
            }
        }
        if let encoding = entries["encoding"],
           let value = reader.choice(encoding, path: "dialect.encoding",
                                     options: ["auto"] + TextEncoding.allCases.map(\.rawValue)) {
            layout.encoding = TextEncoding(rawValue: value)
        }
        if let comment = entries["comment"] { layout.commentPrefix = reader.text(comment, path: "dialect.comment") }
        if let missing = entries["missing"], let tokens = reader.textList(missing, path: "dialect.missing") {
            layout.missingTokens = Set(tokens)
        }
        if let shortRows = entries["short_rows"] {
            layout.padsShortRows = reader.choice(shortRows, path: "dialect.short_rows", options: ["error", "pad"]) == "pad"
        }
    }

    /// The `dates` key: the layouts, by name, that metadata dates besides ISO ones are written in.
    private static func readDates(_ node: YAMLNode, into layout: inout TableLayout, reader: inout DescriptorSchemaReader) {
        guard let names = reader.textList(node, path: "dates") else { return }
        var layouts: [DateLayout] = []
        for name in names {
            if let known = DateLayout.named[name.uppercased()] {
                layouts.append(known)
            } else {
                reader.problem(at: node, "dates: '\(name)' is not a date layout (\(DateLayout.named.keys.sorted().joined(separator: ", ")))")
            }
        }
        layout.dateLayouts = layouts
    }

    private static func readHeader(_ node: YAMLNode, into layout: inout TableLayout,
                                   reader: inout DescriptorSchemaReader) -> [String] {
        // A list is short for `find`; an empty one keeps every default, as an empty mapping does.
        if let items = node.items {
            guard !items.isEmpty, let cells = reader.textList(node, path: "header") else { return [] }
            layout.header = .containing(cells)
            return cells
        }
        guard let entries = reader.mapping(node, path: "header", allowed: keys("header")) else { return [] }
        if let skip = entries["skip_lines"], let count = reader.integer(skip, path: "header.skip_lines", range: 0...10_000) {
            layout.skipLines = count
        }
        if let none = entries["none"] {
            guard let flag = none.scalar?.bool else {
                reader.problem(at: none, "header.none must be true or false")
                return []
            }
            if flag {
                if entries["find"] != nil { reader.problem(at: none, "header.none cannot be combined with header.find") }
                layout.header = .absent
                return []
            }
        }
        guard let find = entries["find"], let cells = reader.textList(find, path: "header.find") else { return [] }
        if cells.isEmpty { reader.problem(at: find, "header.find must name at least one cell") }
        layout.header = .containing(cells)
        return cells
    }

    private static func readPreamble(_ node: YAMLNode, into layout: inout TableLayout, reader: inout DescriptorSchemaReader) {
        guard let entries = reader.mapping(node, path: "preamble", allowed: keys("preamble")) else { return }
        var preamble = TableLayout.Preamble()
        if let separator = entries["separator"], let value = reader.text(separator, path: "preamble.separator") {
            preamble.separator = value
        }
        if let metadata = entries["metadata"] {
            for (key, value) in reader.textMapping(metadata, path: "preamble.metadata") { preamble.metadata[key] = value }
        }
        layout.preamble = preamble
    }

    private static func readSample(_ node: YAMLNode, into layout: inout TableLayout, isDocument: Bool,
                                   reader: inout DescriptorSchemaReader) {
        let sources = keys("sample").filter { isDocument ? !["preamble", "each_column"].contains($0) : $0 != "path" }
        guard let entries = reader.mapping(node, path: "sample", allowed: sources) else { return }
        let given = sources.filter { entries[$0] != nil }
        guard given.count == 1, let source = given.first, let value = entries[source] else {
            reader.problem(at: node, "sample must give exactly one of \(sources.joined(separator: ", ")) (found \(given.count))")
            return
        }
        switch source {
        case "column":
            if let column = reader.column(value, path: "sample.column") { layout.samples = .column(column) }
        case "file_name":
            if let flag = value.scalar?.bool {
                if !flag { reader.problem(at: value, "sample.file_name must be true or give a pattern") }
                layout.samples = .fileName(pattern: nil)
            } else if let options = reader.mapping(value, path: "sample.file_name", allowed: ["pattern"]) {
                layout.samples = .fileName(pattern: options["pattern"].flatMap { reader.regex($0, path: "sample.file_name.pattern") })
            }
        case "preamble":
            if let key = reader.text(value, path: "sample.preamble") { layout.samples = .preamble(key: key) }
        case "path":
            // A document value, read like a preamble key (the reader hands values over by path).
            if let path = reader.text(value, path: "sample.path") { layout.samples = .preamble(key: path) }
        default:
            var excluded: [TableLayout.ColumnRef] = []
            if value.scalar?.bool != true {
                if let options = reader.mapping(value, path: "sample.each_column", allowed: ["exclude"]),
                   let exclude = options["exclude"], let names = reader.textList(exclude, path: "sample.each_column.exclude") {
                    excluded = names.map { .anyOf([$0]) }
                }
            }
            layout.samples = .eachColumn(excluding: excluded)
        }
    }

    private static func readColumns(_ node: YAMLNode, into layout: inout TableLayout, reader: inout DescriptorSchemaReader) {
        guard let entries = reader.mapping(node, path: "columns", allowed: keys("columns")) else { return }
        func column(_ key: String) -> TableLayout.ColumnRef? {
            entries[key].flatMap { reader.column($0, path: "columns.\(key)") }
        }
        var columns = TableLayout.Columns()
        columns.featureID = column("feature_id")
        columns.taxonName = column("taxon_name")
        columns.rank = column("rank")
        columns.lineage = column("lineage")
        columns.taxonID = column("taxon_id")
        columns.parentID = column("parent_id")
        columns.taxonIDPath = column("taxon_id_path")
        columns.label = column("label")
        columns.abundance = column("abundance")
        for (key, target) in [("sample_metadata", true), ("taxon_metadata", false)] {
            guard let mappingNode = entries[key] else { continue }
            for (header, metadataKey) in reader.textMapping(mappingNode, path: "columns.\(key)") {
                if target { columns.sampleMetadata[.name(header)] = metadataKey } else { columns.taxonMetadata[.name(header)] = metadataKey }
            }
        }
        layout.columns = columns
    }

    private static func readDetection(_ node: YAMLNode, into detection: inout DescriptorDetection,
                                      reader: inout DescriptorSchemaReader) {
        guard let entries = reader.mapping(node, path: "detect", allowed: keys("detect")) else { return }
        if let glob = entries["file_name"] { detection.fileNamePattern = reader.text(glob, path: "detect.file_name") }
        if let header = entries["header"], let cells = reader.textList(header, path: "detect.header") {
            detection.headerCells = cells
        }
        if let line = entries["line_matches"],
           let options = reader.mapping(line, path: "detect.line_matches", allowed: ["pattern", "within_lines"]) {
            if let pattern = options["pattern"] {
                detection.linePattern = reader.regex(pattern, path: "detect.line_matches.pattern")
            } else {
                reader.problem(at: line, "detect.line_matches needs a pattern")
            }
            if let within = options["within_lines"] {
                detection.withinLines = reader.integer(within, path: "detect.line_matches.within_lines", range: 1...1000) ?? 20
            }
        }
    }

    /// The `document` section: the syntax, the records' path and the sample metadata paths.
    /// A document has no dialect, header or preamble, which are refused beside it.
    private static func readDocument(_ node: YAMLNode, into layout: inout TableLayout, top: [String: YAMLNode],
                                     reader: inout DescriptorSchemaReader) -> DocumentLayout? {
        for key in ["dialect", "header", "preamble"] {
            if let other = top[key] { reader.problem(at: other, "\(key) does not apply to a document descriptor (document: is given)") }
        }
        guard let entries = reader.mapping(node, path: "document", allowed: keys("document")) else { return nil }
        let syntax = entries["syntax"].flatMap {
            reader.choice($0, path: "document.syntax", options: DocumentLayout.Syntax.allCases.map(\.rawValue))
        }.flatMap(DocumentLayout.Syntax.init(rawValue:))
        let records = entries["records"].flatMap { reader.text($0, path: "document.records") }
        if entries["syntax"] == nil { reader.problem(at: node, "document.syntax is required (json, yaml or xml)") }
        if entries["records"] == nil { reader.problem(at: node, "document.records is required (the path of the list of taxa)") }
        if let metadata = entries["metadata"] {
            var preamble = TableLayout.Preamble()
            for (path, key) in reader.textMapping(metadata, path: "document.metadata") { preamble.metadata[path] = key }
            layout.preamble = preamble
        }
        guard let syntax, let records else { return nil }
        if syntax == .xml, XMLPath(records) == nil {
            reader.problem(at: entries["records"] ?? node, "document.records '\(records)' is not an XPath-style element path (/a/b, //b)")
        }
        return DocumentLayout(syntax: syntax, records: records)
    }

    /// Fields of a document are named by path: positions mean nothing, and XML paths must parse.
    private static func checkDocumentPaths(_ layout: TableLayout, _ document: DocumentLayout, node: YAMLNode,
                                           reader: inout DescriptorSchemaReader) {
        if layout.columns.hasPositionalColumns {
            reader.problem(at: node, "a document descriptor names fields by path, not by {index: N}")
        }
        guard document.syntax == .xml else { return }
        for path in layout.documentFieldPaths + layout.documentValuePaths where XMLPath(path) == nil {
            reader.problem(at: node, "'\(path)' is not an XPath-style path (@attr, child, child/@attr, ., ../@attr, /a/b/@attr)")
        }
    }

    /// A table without a header can only name columns by position.
    private static func checkPositionalColumns(_ layout: TableLayout, node: YAMLNode, reader: inout DescriptorSchemaReader) {
        let columns = layout.columns
        var references = [columns.featureID, columns.taxonName, columns.rank, columns.lineage, columns.taxonID,
                          columns.parentID, columns.taxonIDPath, columns.label, columns.abundance].compactMap { $0 }
        references += Array(columns.sampleMetadata.keys) + Array(columns.taxonMetadata.keys)
        if case .column(let column) = layout.samples { references.append(column) }
        for case .name(let name) in references {
            reader.problem(at: node, "column '\(name)' is named, but header.none says the table has no header: use {index: N}")
        }
    }

    /// Rules that involve several keys.
    private static func checkConsistency(_ layout: TableLayout, root: YAMLNode, sampleNode: YAMLNode?,
                                         top: [String: YAMLNode], reader: inout DescriptorSchemaReader) {
        let columns = layout.columns
        let columnsNode = top["columns"] ?? root
        if case .eachColumn = layout.samples {
            if columns.abundance != nil {
                reader.problem(at: columnsNode, "columns.abundance cannot be used with sample.each_column: every sample column holds values")
            }
        } else if sampleNode != nil, top["columns"] != nil, columns.abundance == nil {
            reader.problem(at: columnsNode, "columns.abundance is required (the column that holds the values)")
        }
        if [columns.featureID, columns.taxonName, columns.lineage, columns.taxonID].allSatisfy({ $0 == nil }), top["columns"] != nil {
            reader.problem(at: columnsNode, "columns must name the taxon: feature_id, taxon_name, lineage or taxon_id")
        }
        if (columns.parentID != nil || columns.taxonIDPath != nil) && columns.taxonID == nil {
            reader.problem(at: columnsNode, "columns.parent_id and columns.taxon_id_path need columns.taxon_id")
        }
    }
}
