import FormatKit
import Foundation
import SafeXML

/// Streams `text` to the end and returns its events, or the error that stopped it.
func xmlEvents(_ text: String, limits: XMLLimits = XMLLimits(), schema: XMLSchema? = nil) -> Result<[XMLEvent], XMLError> {
    do throws(XMLError) {
        let reader = try XMLReader(stream: MemoryByteStream(Array(text.utf8)), file: "test.xml", limits: limits, schema: schema)
        var events: [XMLEvent] = []
        while let event = try reader.next() { events.append(event) }
        return .success(events)
    } catch {
        return .failure(error)
    }
}

/// The error that stops reading `text`, if any.
func xmlError(_ text: String, limits: XMLLimits = XMLLimits(), schema: XMLSchema? = nil) -> XMLError? {
    if case .failure(let error) = xmlEvents(text, limits: limits, schema: schema) { return error }
    return nil
}

/// A file in the temporary folder holding `text`, removed by the caller.
func temporaryFile(_ text: String, suffix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("safexml-\(UUID().uuidString)\(suffix)")
    try Data(text.utf8).write(to: url)
    return url
}
