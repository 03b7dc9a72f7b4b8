import FormatKit
import ProfileFormats
import ProfileModel
import SafeXML

/// Profile XML (`mhub-xml`): the hub's lossless profile document — exactly what profile JSON
/// (`mhub-json`) carries, key for key — as XML, in the vocabulary the W3C defines for JSON
/// data in XPath and XQuery 3.1 (`fn:json-to-xml`, namespace
/// `http://www.w3.org/2005/xpath-functions`), so that an XSLT 3 or XQuery processor turns it
/// into profile JSON with `fn:xml-to-json` and back:
///
/// ```xml
/// <?xml version="1.0" encoding="UTF-8"?>
/// <map xmlns="http://www.w3.org/2005/xpath-functions">
///   <string key="format">mhub-profile</string>
///   <number key="format_version">2</number>
///   <array key="samples">
///     <map>
///       <string key="id">S1</string>
///       <map key="metadata">
///         <number key="age">41</number>
///       </map>
///     </map>
///   </array>
///   …
///   <map key="values">
///     <array key="S1">
///       <array>
///         <number>0</number>
///         <number>120</number>
///       </array>
///     </array>
///   </map>
/// </map>
/// ```
///
/// The schema is `Formats/schemas/profile.xsd` (XSD 1.0): import validates every document
/// against it with libxml2's validator while streaming (errors name the line), then checks
/// the profile exactly as profile JSON is checked, through the shared
/// ``ProfileFormats/ProfileDocument`` mapping; export is valid against it. Numbers keep
/// profile JSON's text, so an integer `5` and a number `5.0` stay apart.
///
/// Read with libxml2's streaming reader through ``SafeXML`` — never a DOM — which refuses any
/// DTD (so no entity, external entity or entity bomb can occur), never touches the network
/// and bounds depth and size. Export loses nothing; a text holding a control character that
/// XML 1.0 cannot carry is an `ExportError.cannotRepresent`.
public struct ProfileXMLFormat: ProfileImporter, ProfileExporter {
    public init() {}

    public var format: FormatDescription {
        FormatDescription(
            id: "mhub-xml",
            name: "MicrobiomeHub profile XML",
            summary: "The hub's lossless profile document (as profile JSON) in the W3C XPath 3.1 XML vocabulary for JSON, with an XSD.",
            versions: [String(ProfileDocument.layoutVersion)],
            extensions: ["profile.xml", "xml"],
            mediaType: "application/xml",
            specURL: "Formats/schemas/profile.xsd",
            canImport: true,
            canExport: true, isLossless: true)
    }

    /// A match when the prefix holds a `map` in the XPath functions namespace whose `format`
    /// member is `mhub-profile`.
    public func detect(_ prefix: InputPrefix) -> Detection {
        guard prefix.text.utf8.contains(UInt8(ascii: "<")), prefix.text.contains(XMLDocumentEmitter.namespace),
              prefix.text.contains(/<(\w+:)?string\s+key\s*=\s*["']format["']\s*>mhub-profile</) else { return .noMatch }
        return .match(confidence: 1, reason: "an XML map in the XPath functions namespace declaring format mhub-profile")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let events = XMLDocumentEvents(input: input, schemaText: ProfileXMLSchemaText.text)
        return try ProfileDocument.read(input, options: options) { sink throws(ImportError) in
            try events.emit(into: sink)
        }
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> LosslessExportPlan {
        LosslessExportPlan(table: table)
    }

    public func write(_ plan: LosslessExportPlan, to output: inout OutputSink) throws(ExportError) {
        var emitter = try XMLDocumentEmitter()
        try ProfileDocument.write(plan.table, to: &emitter, output: &output)
        try emitter.finish(to: &output)
    }
}
