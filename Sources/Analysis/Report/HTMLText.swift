import Foundation

/// Escaping and number formatting for the report's HTML and SVG.
enum HTMLText {
    /// Text safe inside HTML elements and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A share as a percentage with sensible precision (`12.3 %`, `0.04 %`, `<0.01 %`).
    static func percent(_ share: Double) -> String {
        let value = share * 100
        if value == 0 { return "0 %" }
        if value < 0.01 { return "<0.01 %" }
        return String(format: value < 1 ? "%.2f %%" : "%.1f %%", value)
    }

    /// A number with `digits` decimals (whole numbers without), or an en dash when undefined.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        if value.isNaN { return "–" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.\(digits)f", value)
    }

    /// A coordinate for SVG (two decimals are plenty on screen and keep the file small).
    static func coordinate(_ value: Double) -> String { String(format: "%.2f", value) }
}
