import Foundation
import ProfileModel

/// Metadata values as compact JSON text, for formats that can only store a string where
/// the model has a number, a list or an object (BIOM 2.1's text metadata columns).
enum BIOMMetadataJSON {
    /// The value as JSON text with sorted keys (`41`, `0.5`, `true`, `["a","b"]`, `{"k":1}`).
    static func text(_ value: MetadataValue) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: foundationValue(value),
                                                     options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        else { return value.text }
        return String(decoding: data, as: UTF8.self)
    }

    private static func foundationValue(_ value: MetadataValue) -> Any {
        switch value {
        case .string(let text), .date(let text): text
        case .integer(let number): NSNumber(value: number)
        case .number(let number): number.isFinite ? NSNumber(value: number) : NSNull()
        case .bool(let flag): NSNumber(value: flag)
        case .null: NSNull()
        case .list(let items): items.map(foundationValue)
        case .object(let members): members.mapValues(foundationValue)
        }
    }
}
