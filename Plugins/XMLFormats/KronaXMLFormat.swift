import FormatKit
import ProfileModel

/// Krona XML (`krona-xml`): the chart data of Krona (Ondov, Bergman & Phillippy 2011, BMC
/// Bioinformatics 12:385), in the layout KronaTools' `ktImportXML` reads (Krona 2.x XML
/// specification, KronaTools wiki "Importing text and XML data") and every Krona HTML chart
/// carries in a hidden `<div>`:
///
/// ```xml
/// <krona collapse="false" key="true">
///   <attributes magnitude="magnitude">
///     <attribute display="Abundance">magnitude</attribute>
///     <attribute display="Rank" mono="true">rank</attribute>
///   </attributes>
///   <datasets><dataset>S1</dataset><dataset>S2</dataset></datasets>
///   <node name="all">
///     <magnitude><val>120</val><val>80</val></magnitude>
///     <node name="Bacteria">
///       <magnitude><val>120</val><val>75</val></magnitude>
///       <rank><val>domain</val></rank>
///       …
/// ```
///
/// Export makes any profile a Krona chart: `ktImportXML profile.krona.xml` builds the HTML.
/// Import reads such XML, and a Krona HTML chart (KronaTools' or Recentrifuge's, whose
/// compact `<n>` nodes with comma-separated or sparse values are read too): the `<krona>`
/// element is cut out of the page and streamed with ``SafeXML`` (no DTD, no entities, no
/// network). Each node below the root becomes a taxon of a clade-cumulative table, its
/// lineage the path of node names (ranks from the `rank`/`rnk` attribute), its taxon id the
/// `taxon`/`tid` attribute (NCBI); each dataset a sample; the unit counts when every
/// magnitude is whole.
///
/// Export loses what Krona has no place for: the unit, sample and taxon metadata, feature
/// ids and labels (a node is named by its lineage entry), provenance and diagnostics; a
/// table of leaves is re-read as node sums (cumulative), so abundances and structure change.
public struct KronaXMLFormat: ProfileImporter, ProfileExporter {
    /// The largest HTML page read to find the chart in.
    static let maxPageBytes = 512 << 20

    public init() {}

    public var format: FormatDescription {
        FormatDescription(
            id: "krona-xml",
            name: "Krona XML (and Krona HTML charts)",
            summary: "Krona chart data as ktImportXML reads it; import also reads the chart inside Krona HTML pages.",
            versions: ["2"],
            extensions: ["krona.xml", "xml", "krona.html", "html"],
            mediaType: "application/xml",
            specURL: "https://github.com/marbl/Krona/wiki/Importing-text-and-XML-data",
            canImport: true,
            canExport: true)
    }

    /// A match when the prefix holds a `<krona` element with its `<attributes magnitude=`;
    /// an HTML page with a `<krona` element further on is matched by name and a `<krona` tag.
    public func detect(_ prefix: InputPrefix) -> Detection {
        let text = prefix.text
        // A regex literal is compiled each time it is evaluated: only text that can match reaches it.
        guard text.utf8.contains(UInt8(ascii: "<")) else { return .noMatch }
        if text.contains(/<krona[\s>]/) && text.contains(/<attributes\s[^>]*magnitude\s*=/) {
            return .match(confidence: 0.95, reason: "a <krona> element with <attributes magnitude=…>")
        }
        let lowered = prefix.fileName.lowercased()
        if text.contains(/<(?i:html)/), lowered.contains("krona") || lowered.hasSuffix(".rcf.html") || text.contains("krona") {
            return .unsure(reason: "an HTML page that may hold a Krona chart further on")
        }
        return .noMatch
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let prefix = try input.prefix(limits: InputPrefix.Limits(bytes: 4096, lines: 20, textBytes: 4096))
        guard prefix.text.contains(/<(?i:html)[\s>]/) else {
            return try KronaXMLReader(file: input.name, lineOffset: 0).read(try input.openBytes(), input: input, options: options)
        }
        let page = try input.readAllText(limit: Self.maxPageBytes)
        guard let chart = KronaPage.chartRange(in: page) else {
            throw .syntax(input.location(line: 1), reason: "the HTML page holds no <krona>…</krona> chart")
        }
        let lineOffset = page[..<chart.lowerBound].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return try KronaXMLReader(file: input.name, lineOffset: lineOffset)
            .read(MemoryByteStream(Array(page[chart])), input: input, options: options)
    }

    /// A planned Krona export: the table and what Krona cannot hold of it.
    public struct Plan: ExportPlan {
        let table: ProfileTable
        public let losses: [DeclaredLoss]
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> Plan {
        var losses = [
            DeclaredLoss(field: .taxa, detail: "taxa become nodes of the lineage tree: ids, labels and metadata are not kept"),
            DeclaredLoss(field: .abundances, detail: "each node holds the sum over its subtree; the table is re-read clade-cumulative"),
        ]
        if table.unit != .counts { losses.append(DeclaredLoss(field: .unit, detail: "Krona magnitudes carry no unit")) }
        if table.structure == .leaves { losses.append(DeclaredLoss(field: .structure, detail: "Krona nodes are cumulative")) }
        if table.samples.contains(where: { !$0.metadata.isEmpty }) {
            losses.append(DeclaredLoss(field: .sampleMetadata, detail: "Krona datasets carry only a name"))
        }
        if !table.provenance.source.isEmpty || !table.provenance.steps.isEmpty {
            losses.append(DeclaredLoss(field: .provenance, detail: "Krona XML has no provenance"))
        }
        if !table.diagnostics.isEmpty { losses.append(DeclaredLoss(field: .diagnostics, detail: "Krona XML has no notes")) }
        return Plan(table: table, losses: losses)
    }

    public func write(_ plan: Plan, to output: inout OutputSink) throws(ExportError) {
        try KronaXMLWriter(table: plan.table).write(to: &output)
    }
}

/// Finds the chart data in a Krona HTML page.
enum KronaPage {
    /// The bytes from the `<krona` start tag to the end of `</krona>`, if the page holds them
    /// (`<krona` followed by a space or `>`, so that `<kronaSomething` is not taken for it).
    static func chartRange(in page: [UInt8]) -> Range<Int>? {
        let open = Array("<krona".utf8)
        var from = 0
        while let start = find(open, in: page, from: from) {
            let next = start + open.count
            if next < page.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"),
                                   UInt8(ascii: ">")].contains(page[next]) {
                guard let end = find(Array("</krona>".utf8), in: page, from: next) else { return nil }
                return start..<(end + "</krona>".utf8.count)
            }
            from = next
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
