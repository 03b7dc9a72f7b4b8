import Foundation
import ProfileModel

/// One rewrite that differs only by database convention, recorded on the name it touched.
public enum NormalizationRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stray double quotes at either end (`"k__Bacteria`), as mia's `artifact.rm` cleans them.
    case strayQuotes = "stray-quotes"
    /// Underscores for spaces in a species or `Candidatus` name (MetaPhlAn's `s__Bacteroides_fragilis`).
    case underscoresToSpaces = "underscores-to-spaces"
    /// MetaPhlAn's `sp` and `CAG_180` written the NCBI way, `sp.` and `CAG:180`
    /// (curatedMetagenomicData issue 279).
    case abbreviationPunctuation = "abbreviation-punctuation"
    /// `Candidate_division_OP3`, `candidate division OP3` → `OP3`.
    case candidateDivision = "candidate-division"
    /// RDP's joint label `Cyanobacteria/Chloroplast` → `Cyanobacteria` (the plastid reads stay
    /// flagged in the evidence).
    case jointLabel = "joint-label"
    /// A spelling that one database uses for the same name (SILVA ≤ 132's `Spirochaetae`).
    case spellingVariant = "spelling-variant"
    /// Greengenes and MetaPhlAn write the prokaryote domains at the kingdom prefix
    /// (`k__Bacteria`) where SILVA, GTDB and NCBI have a domain (`d__Bacteria`).
    case kingdomAsDomain = "kingdom-as-domain"
}

/// A name after normalisation, with every rule that changed it.
public struct NormalizedName: Sendable, Hashable {
    public var name: String
    public var rules: [NormalizationRule]
}

/// Rewrites names that differ only by database convention into one spelling, never silently:
/// each rule applied is returned beside the name so that the report can show it.
public enum NomenclatureNormalizer {
    /// Spellings used by one database for a name another writes differently, with the source
    /// where the variant was seen.
    public static let spellingVariants: [String: (name: String, source: String)] = [
        "Spirochaetae": ("Spirochaetes", "SILVA 132 writes D_1__Spirochaetae (joey711/phyloseq inst/extdata/SILVA_OTU_table.biom); Greengenes and TAXONOMY.md §2.1 row 8 write Spirochaetes"),
    ]

    /// The prokaryote domains, which Greengenes and MetaPhlAn write as `k__` kingdoms.
    public static let prokaryoteDomains: Set<String> = ["Bacteria", "Archaea"]

    /// The lineage with a `k__Bacteria`/`k__Archaea` level moved to the domain rank, when the
    /// lineage has no domain of its own; `nil` when nothing changes.
    public static func domainFromKingdom(_ lineage: Lineage) -> Lineage? {
        guard lineage.name(at: .domain) == nil,
              let index = lineage.entries.firstIndex(where: { $0.rank == .kingdom && prokaryoteDomains.contains($0.name) }) else { return nil }
        var entries = lineage.entries
        entries[index].rank = .domain
        return Lineage(entries)
    }

    /// The source of the spelling variant `name`, if it is one.
    public static func variantSource(of name: String) -> String? {
        spellingVariants[name]?.source
    }

    /// The normalised form of `name` at `rank`.
    public static func normalize(_ name: String, rank: Rank) -> NormalizedName {
        var text = name
        var rules: [NormalizationRule] = []
        func apply(_ rule: NormalizationRule, _ rewrite: (String) -> String) {
            let rewritten = rewrite(text)
            if rewritten != text {
                text = rewritten
                rules.append(rule)
            }
        }
        apply(.strayQuotes) { $0.trimmingQuotes() }
        // Only a name written without spaces uses underscores for them; in `Blautia_A obeum`
        // the underscore belongs to GTDB's suffix.
        if rank == .species || rank == .strain || text.hasPrefix("Candidatus_"), !text.contains(" ") {
            apply(.underscoresToSpaces) { $0.replacingOccurrences(of: "_", with: " ") }
        }
        if rank == .species || rank == .strain {
            apply(.abbreviationPunctuation, ncbiPunctuation)
        }
        apply(.candidateDivision, withoutCandidateDivision)
        apply(.jointLabel) { $0 == "Cyanobacteria/Chloroplast" ? "Cyanobacteria" : $0 }
        apply(.spellingVariant) { spellingVariants[$0]?.name ?? $0 }
        return NormalizedName(name: text, rules: rules)
    }

    /// `Eubacterium sp CAG 180` → `Eubacterium sp. CAG:180`.
    private static func ncbiPunctuation(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        var index = 0
        while index < words.count {
            if words[index] == "sp" && index > 0 { words[index] = "sp." }
            if words[index] == "CAG", index + 1 < words.count, words[index + 1].allSatisfy(\.isNumber) {
                words[index] = "CAG:" + words[index + 1]
                words.remove(at: index + 1)
            }
            index += 1
        }
        return words.joined(separator: " ")
    }

    private static func withoutCandidateDivision(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "_", with: " ")
        for prefix in ["Candidate division ", "candidate division "] where spaced.hasPrefix(prefix) {
            let rest = spaced.dropFirst(prefix.count)
            if !rest.isEmpty, !rest.contains(" ") { return String(rest) }
        }
        return text
    }
}

private extension String {
    func trimmingQuotes() -> String {
        var slice = Substring(self)
        while slice.first == "\"" { slice = slice.dropFirst() }
        while slice.last == "\"" { slice = slice.dropLast() }
        return String(slice)
    }
}
