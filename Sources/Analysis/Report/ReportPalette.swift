/// Colours of the report's charts: a qualitative palette that stays distinguishable for the
/// common forms of colour-vision deficiency (Okabe & Ito 2008, "Color Universal Design"),
/// extended with lighter tones; grey for "other" and a pale stripe for "unclassified".
enum ReportPalette {
    static let categorical = [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
        "#7fb8d9", "#f2cf7f", "#7fcfb9", "#e5bcd3", "#aad9f4", "#eaae7f", "#f7f1a1", "#7f7f7f",
    ]
    static let other = "#bdbdbd"
    static let unclassified = "#eeeeee"

    static func color(_ index: Int) -> String { categorical[index % categorical.count] }
}
