import FormatKit
import ProfileModel
import StreamingJSON

/// Typed metadata in profile JSON: an unambiguous mapping between ``ProfileModel/MetadataValue``
/// and JSON, so that every value reads back with the same type and the same bits.
///
/// | metadata | JSON |
/// | --- | --- |
/// | `string("x")` | `"x"` |
/// | `integer(5)` | `5` (an integer literal: no fraction, no exponent) |
/// | `number(5)` | `5.0` (always a fraction or an exponent; `-0.0` keeps its sign) |
/// | `number(.nan)`, `number(±.infinity)` | `{"number": "NaN"}`, `{"number": "Infinity"}`, `{"number": "-Infinity"}` |
/// | `date("2016-07-29")` | `{"date": "2016-07-29"}` |
/// | `bool(true)` | `true` |
/// | `null` | `null` |
/// | `list([…])` | `[…]` |
/// | `object([…])` | `{"object": {…}}`, keys sorted |
///
/// A JSON object in a metadata position is therefore always a one-key wrapper, never
/// plain data, so a metadata object whose only key is `date` cannot be mistaken for a date.
enum ProfileJSONMetadata {
    /// Writes a metadata map as a compact object with sorted keys.
    static func writeMap(_ metadata: [String: MetadataValue], with writer: inout JSONWriter,
                         to sink: inout OutputSink) throws(ExportError) {
        try writer.beginObject(to: &sink)
        for key in JSONWriter.sortedKeys(metadata.keys) {
            try writer.key(key, to: &sink)
            try write(metadata[key]!, with: &writer, to: &sink)
        }
        try writer.endObject(to: &sink)
    }

    /// Writes one metadata value.
    static func write(_ value: MetadataValue, with writer: inout JSONWriter, to sink: inout OutputSink) throws(ExportError) {
        switch value {
        case .string(let text):
            try writer.string(text, to: &sink)
        case .integer(let integer):
            try writer.integer(integer, to: &sink)
        case .number(let number) where number.isFinite:
            try writer.number(number, style: .fractional, to: &sink)
        case .number(let number):
            let text = ProfileJSONLayout.nonFiniteNumbers.first { $0.value == number || ($0.value.isNaN && number.isNaN) }!.text
            try openWrapper(ProfileJSONLayout.MetadataTag.number, with: &writer, to: &sink)
            try writer.string(text, to: &sink)
            try writer.endObject(to: &sink)
        case .date(let text):
            try openWrapper(ProfileJSONLayout.MetadataTag.date, with: &writer, to: &sink)
            try writer.string(text, to: &sink)
            try writer.endObject(to: &sink)
        case .bool(let flag):
            try writer.bool(flag, to: &sink)
        case .null:
            try writer.null(to: &sink)
        case .list(let elements):
            try writer.beginArray(to: &sink)
            for element in elements { try write(element, with: &writer, to: &sink) }
            try writer.endArray(to: &sink)
        case .object(let members):
            try openWrapper(ProfileJSONLayout.MetadataTag.object, with: &writer, to: &sink)
            try writeMap(members, with: &writer, to: &sink)
            try writer.endObject(to: &sink)
        }
    }

    /// Opens a one-key wrapper object `{"tag": `; the caller writes the value and closes it.
    private static func openWrapper(_ tag: String, with writer: inout JSONWriter, to sink: inout OutputSink) throws(ExportError) {
        try writer.beginObject(to: &sink)
        try writer.key(tag, to: &sink)
    }

    /// Why a JSON value is not valid metadata.
    struct Rejection: Error {
        var value: String
        var reason: String
    }

    /// The metadata value a JSON value encodes.
    static func value(from json: JSONValue) throws(Rejection) -> MetadataValue {
        switch json {
        case .string(let text):
            return .string(text)
        case .bool(let flag):
            return .bool(flag)
        case .null:
            return .null
        case .number(let number) where number.isIntegerLiteral:
            guard let integer = number.int64 else {
                throw Rejection(value: number.text, reason: "is an integer outside the 64-bit range")
            }
            return .integer(integer)
        case .number(let number):
            return .number(number.double)
        case .array(let elements):
            var values: [MetadataValue] = []
            for element in elements { values.append(try value(from: element)) }
            return .list(values)
        case .object(let members):
            return try unwrap(members)
        }
    }

    private static func unwrap(_ members: [String: JSONValue]) throws(Rejection) -> MetadataValue {
        let wrapperRule = #"a metadata object must be one of {"date": "…"}, {"object": {…}}, {"number": "NaN"|"Infinity"|"-Infinity"}"#
        guard members.count == 1, let (tag, inner) = members.first else {
            throw Rejection(value: "{" + JSONWriter.sortedKeys(members.keys).joined(separator: ", ") + "}", reason: wrapperRule)
        }
        switch (tag, inner) {
        case (ProfileJSONLayout.MetadataTag.date, .string(let text)):
            return .date(text)
        case (ProfileJSONLayout.MetadataTag.object, .object(let fields)):
            var values: [String: MetadataValue] = [:]
            for (key, field) in fields { values[key] = try value(from: field) }
            return .object(values)
        case (ProfileJSONLayout.MetadataTag.number, .string(let text)):
            guard let number = ProfileJSONLayout.nonFiniteNumbers.first(where: { $0.text == text }) else {
                throw Rejection(value: text, reason: #"is not "NaN", "Infinity" or "-Infinity""#)
            }
            return .number(number.value)
        default:
            throw Rejection(value: "{\"\(tag)\": \(inner.kindDescription)}", reason: wrapperRule)
        }
    }
}
