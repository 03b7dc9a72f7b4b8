import Foundation
import ProfileModel

/// Species names compared the way MetaPhlAn and current taxonomies write them differently:
/// `s__Bifidobacterium_adolescentis` and `Bifidobacterium adolescentis` are the same name.
enum SpeciesName {
    /// The name without a rank prefix, with underscores as spaces, lower-cased.
    static func normalized(_ name: String) -> String {
        var text = Substring(name)
        if text.count > 3, text.dropFirst().hasPrefix("__") { text = text.dropFirst(3) }
        return text.replacingOccurrences(of: "_", with: " ").lowercased()
    }

    /// The taxon's name at `rank` (normalised), else its label's when it has no lineage.
    static func of(_ taxon: Taxon, at rank: Rank) -> String? {
        if let name = taxon.lineage.name(at: rank) { return normalized(name) }
        return taxon.lineage.isEmpty ? normalized(taxon.label) : nil
    }
}
