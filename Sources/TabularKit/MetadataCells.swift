import ProfileModel

/// Types the metadata a table carries (preamble values, metadata columns) the way the table
/// writes them: dates in the layout's date layouts become ISO dates, and a decimal comma
/// (`3,5`) is read as a number when it is the dialect's decimal mark; everything else is
/// typed by ``ProfileModel/MetadataValue/inferred(from:)``.
struct MetadataCells: Sendable {
    let dateLayouts: [DateLayout]
    let decimalMark: UInt8

    func value(_ text: String) -> MetadataValue {
        for layout in dateLayouts {
            if let iso = layout.isoDate(text) { return .date(iso) }
        }
        if decimalMark == UInt8(ascii: ","), let point = Self.decimalCommaAsPoint(text) {
            return .inferred(from: point)
        }
        return .inferred(from: text)
    }

    /// `3,5` or `-0,25` written with a point; `nil` for anything else (`1,234,567`, `a,b`).
    private static func decimalCommaAsPoint(_ text: String) -> String? {
        let unsigned = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return String(text.map { $0 == "," ? "." : $0 })
    }
}
