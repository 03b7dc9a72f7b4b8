import FormatKit
import Foundation
import ProfileModel
import StreamingJSON

/// The profile document — what profile JSON carries — as a stream of syntax-neutral events,
/// so that every lossless format shares one mapping between the model and the document.
///
/// There is exactly one such mapping: ``ProfileJSONFormat``'s encoder and decoder, with the
/// names in ``ProfileJSONLayout`` and the typed metadata of ``ProfileJSONMetadata``. This type
/// routes other syntaxes through it:
/// - ``write(_:to:output:)`` encodes a table as profile JSON into a scratch file and replays its
///   tokens as events, which a YAML or XML emitter turns into its own text;
/// - ``read(_:options:events:)`` takes the events a YAML or XML reader produces, writes them as
///   profile JSON into a scratch file, and decodes that with the profile JSON decoder, so
///   every check (required keys, unknown keys, typed metadata, indices, values) is the same.
///   An error the decoder finds carries a JSON pointer; the events are then replayed once more
///   to find the line and column of that pointer in the original file.
///
/// A field added to the model is therefore one edit in the profile JSON mapping, and the
/// YAML and XML formats carry it too.
public enum ProfileDocument {
    /// The layout version written (and, with every earlier one, read): profile JSON's.
    public static var layoutVersion: Int64 { ProfileJSONLayout.version }

    /// Streams the profile document of `table` through `emitter` into `output`.
    public static func write(_ table: ProfileTable, to emitter: inout some ProfileDocumentEmitter,
                             output: inout OutputSink) throws(ExportError) {
        let scratch = try scratchFile()
        var sink = try OutputSink(fileURL: scratch.url)
        try ProfileJSONEncoder.write(table, to: &sink)
        try sink.flush()
        let stream: any ByteStream
        do throws(ImportError) {
            stream = try FileByteStream(path: scratch.url.path, displayName: "profile document")
        } catch {
            throw .io(path: scratch.url.path, reason: error.description)
        }
        var reader = JSONReader(stream: stream)
        while let event = try nextEvent(&reader, scratch: scratch) {
            try emitter.emit(event, to: &output)
        }
    }

    /// The next token of the scratch document as an event; `nil` at its end.
    private static func nextEvent(_ reader: inout JSONReader, scratch: TemporaryFile) throws(ExportError) -> ProfileDocumentEvent? {
        let token: JSONToken
        do throws(JSONReadError) {
            token = try reader.next()
        } catch {
            throw .io(path: scratch.url.path, reason: "the profile document could not be replayed: \(error)")
        }
        switch token {
        case .endOfInput: return nil
        case .beginObject: return .beginMap
        case .endObject: return .endMap
        case .beginArray: return .beginList
        case .endArray: return .endList
        case .key(let key): return .key(key)
        case .string(let text): return .string(text)
        case .number(let number): return .number(number.text)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        }
    }

    /// Reads a table from the events that `events` produces for `input` (called once, and once
    /// more only to locate an error). `options.unit` overrides the unit the document declares.
    public static func read(_ input: ImportInput, options: ImportOptions,
                            events: (any ProfileDocumentSink) throws(ImportError) -> Void) throws(ImportError) -> ProfileTable {
        let scratch = try TemporaryFile(suffix: ".profile.json")
        let sink = try ProfileDocumentJSONSink(writingTo: scratch.url, file: input.name)
        try events(sink)
        try sink.finish()
        do throws(ImportError) {
            return try ProfileJSONFormat().read(ImportInput(url: scratch.url, name: input.name), options: options)
        } catch {
            let locator = ProfileDocumentLocator(pointer: error.location.path ?? "")
            try events(locator)
            throw error.relocated(to: SourceLocation(file: input.name, line: locator.foundLine, column: locator.foundColumn,
                                                     path: error.location.path))
        }
    }

    private static func scratchFile() throws(ExportError) -> TemporaryFile {
        do throws(ImportError) {
            return try TemporaryFile(suffix: ".profile.json")
        } catch {
            throw .io(path: FileManager.default.temporaryDirectory.path, reason: error.message)
        }
    }
}

/// Where a syntax reader delivers the events of a profile document, each with the 1-based
/// line and column (when known) where it starts in the original file.
public protocol ProfileDocumentSink: AnyObject {
    func emit(_ event: ProfileDocumentEvent, line: Int?, column: Int?) throws(ImportError)
}

/// Writes the events as compact profile JSON into a scratch file for the decoder.
final class ProfileDocumentJSONSink: ProfileDocumentSink {
    private var output: OutputSink
    private var writer = JSONWriter()
    private let file: String

    init(writingTo url: URL, file: String) throws(ImportError) {
        do throws(ExportError) {
            output = try OutputSink(fileURL: url)
        } catch {
            throw .io(SourceLocation(file: file), reason: error.description)
        }
        self.file = file
    }

    func emit(_ event: ProfileDocumentEvent, line: Int?, column: Int?) throws(ImportError) {
        do throws(ExportError) {
            switch event {
            case .beginMap: try writer.beginObject(to: &output)
            case .endMap: try writer.endObject(to: &output)
            case .beginList: try writer.beginArray(to: &output)
            case .endList: try writer.endArray(to: &output)
            case .key(let key): try writer.key(key, to: &output)
            case .string(let text): try writer.string(text, to: &output)
            case .number(let text): try writer.encodedValue(to: &output) { sink throws(ExportError) in try sink.write(text) }
            case .bool(let flag): try writer.bool(flag, to: &output)
            case .null: try writer.null(to: &output)
            }
        } catch {
            throw .io(SourceLocation(file: file, line: line, column: column), reason: error.description)
        }
    }

    func finish() throws(ImportError) {
        do throws(ExportError) {
            try output.flush()
        } catch {
            throw .io(SourceLocation(file: file), reason: error.description)
        }
    }
}

/// Replays the events to find where the value at one JSON pointer starts.
final class ProfileDocumentLocator: ProfileDocumentSink {
    private let pointer: String
    private var path = ProfileDocumentPath()
    private(set) var foundLine: Int?
    private(set) var foundColumn: Int?

    init(pointer: String) {
        self.pointer = pointer
    }

    func emit(_ event: ProfileDocumentEvent, line: Int?, column: Int?) throws(ImportError) {
        guard path.advance(event) == pointer, foundLine == nil else { return }
        foundLine = line
        foundColumn = column
    }
}
