import FormatKit
import Foundation

/// Machine-readable command output: pretty, key-sorted JSON.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A command's JSON summary (an object), with the `mhub_version` that wrote it beside its own keys.
    static func summary(_ value: some Encodable) throws -> String {
        try encode(Versioned(value: value))
    }

    /// An object's keys plus `mhub_version`, in the one object.
    private struct Versioned<Value: Encodable>: Encodable {
        let value: Value
        private enum Key: String, CodingKey { case mhubVersion = "mhub_version" }

        func encode(to encoder: any Encoder) throws {
            try value.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(HubVersion.current, forKey: .mhubVersion)
        }
    }
}
