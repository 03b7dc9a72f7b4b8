import FormatKit
import ProfileModel

/// One step of a profile document, independent of its syntax: the data model JSON, YAML and
/// XML share (maps with string keys, lists, strings, numbers, booleans, null).
///
/// The hub's lossless formats are this one document — exactly what profile JSON carries,
/// key for key — in three syntaxes. ``ProfileDocument`` turns a table into events and events
/// into a table; the syntax plugins (`mhub-json`, `mhub-yaml`, `mhub-xml`) only translate
/// events to and from their text.
public enum ProfileDocumentEvent: Sendable, Hashable {
    case beginMap
    /// The key of the next map member; its value follows.
    case key(String)
    case endMap
    case beginList
    case endList
    case string(String)
    /// A number as its JSON text (RFC 8259 grammar): `120` is an integer, `120.0` or `1e-05`
    /// is not — profile JSON tells metadata integers from numbers by exactly this text.
    case number(String)
    case bool(Bool)
    case null
}

/// Turns the events of a profile document into text, as ``ProfileDocument/write(_:to:output:)``
/// produces them, writing into `output` as it goes.
public protocol ProfileDocumentEmitter {
    mutating func emit(_ event: ProfileDocumentEvent, to output: inout OutputSink) throws(ExportError)
}

/// The export plan of a lossless format: the table as it is, nothing lost.
public struct LosslessExportPlan: ExportPlan {
    public let table: ProfileTable
    public var losses: [DeclaredLoss] { [] }

    public init(table: ProfileTable) {
        self.table = table
    }
}
