import Foundation

/// Why a lineage name stands for no formally named taxon. Such names (`uncultured`,
/// `Lachnospiraceae_unclassified`, `UCG-002`) recur under many parents, so they are equal only
/// under the same parent; see `docs/TAXONOMY.md` §1.5–§1.11 of the design notes for where each
/// pipeline writes them.
public enum PlaceholderKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// `unclassified`, `<taxon>_unclassified` (mothur, MetaPhlAn), `unclassified <taxon>` (NCBI),
    /// UNITE's `unidentified` and DADA2's `_DADA2_UNSPECIFIED` padding (`R/taxonomy.R`).
    case unclassified
    /// `uncultured`, `uncultured_bacterium`, `uncultured Candidatus X sp.` (SILVA, NCBI).
    case uncultured
    /// `Incertae Sedis`, `Agaricomycetes incertae sedis`.
    case incertaeSedis
    /// `metagenome`, `gut metagenome`, `human gut metagenome` (SILVA organism names).
    case metagenome
    /// NCBI's `environmental samples` grouping.
    case environmentalSamples
    /// A species known only to its genus: `Russula sp. 8 KA-2019`, `Butyrivibrio_sp_CAG_318`,
    /// GTDB's `Pelethomonas sp910579485`.
    case unnamedSpecies
    /// An informal numbered or clone-named group: `Ruminococcaceae_UCG-004`,
    /// `Lachnospiraceae_ND3007_group`, `Bacteroidales_S24-7_group`, `Clostridium_sensu_stricto_1`.
    case numberedGroup
    /// MetaPhlAn 4's genome-bin names: `GGB54153`, `FGB76704`, `OFGB76704`, `CFGB76704`, `SGB41631`.
    case genomeBin
    /// A name with the `Candidatus` label: provisional, not validly published.
    case candidatus
    /// A genus that repeats its family (or another parent) name, as RESCRIPt's rank propagation
    /// fills empty ranks (`f__Pasteurellaceae; g__Pasteurellaceae`).
    case propagatedParent
}

/// Recognises placeholder names, whichever pipeline wrote them.
public enum PlaceholderRecognizer {
    /// Every placeholder kind `name` shows (empty for a formal name). `parent` is the name of
    /// the level above, which reveals propagated ranks.
    public static func kinds(of name: String, parent: String? = nil) -> [PlaceholderKind] {
        let spaced = name.replacingOccurrences(of: "_", with: " ")
        let lower = spaced.lowercased()
        let words = lower.split(separator: " ")
        var kinds: [PlaceholderKind] = []
        if words.contains("unclassified") || words.contains("unidentified") || lower == "unknown"
            || name == "_DADA2_UNSPECIFIED" { kinds.append(.unclassified) }
        if words.first == "uncultured" || words.first == "uncultivated" { kinds.append(.uncultured) }
        if lower.hasSuffix("incertae sedis") { kinds.append(.incertaeSedis) }
        if words.last == "metagenome" { kinds.append(.metagenome) }
        if lower == "environmental samples" { kinds.append(.environmentalSamples) }
        if words.contains("sp.") || words.contains("sp") || isGTDBPlaceholderSpecies(words) { kinds.append(.unnamedSpecies) }
        if isNumberedGroup(spaced, words: words) { kinds.append(.numberedGroup) }
        if words.contains(where: isGenomeBin) { kinds.append(.genomeBin) }
        if words.first == "candidatus" || lower.hasPrefix("ca. ") { kinds.append(.candidatus) }
        if let parent, !parent.isEmpty, parent == name { kinds.append(.propagatedParent) }
        return kinds
    }

    /// Whether `name` stands for no formally named taxon; `Candidatus` names are provisional
    /// but do name a taxon, so they alone do not make a placeholder.
    public static func isPlaceholder(_ name: String, parent: String? = nil) -> Bool {
        kinds(of: name, parent: parent).contains { $0 != .candidatus }
    }

    /// GTDB's `sp<accession digits>` epithet: `Pelethomonas sp910579485`.
    private static func isGTDBPlaceholderSpecies(_ words: [Substring]) -> Bool {
        guard words.count == 2, words[1].hasPrefix("sp") else { return false }
        let digits = words[1].dropFirst(2)
        return !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }

    /// SILVA's informal groups: a `UCG-nnn` part, a trailing `group`, or a trailing number
    /// (`sensu stricto 1`); the pattern is confirmed in `docs/TAXONOMY.md` §1.5.
    private static func isNumberedGroup(_ spaced: String, words: [Substring]) -> Bool {
        if spaced.contains("UCG-") { return true }
        if words.count >= 2, words.last == "group" { return true }
        if words.count >= 2, let last = words.last, last.allSatisfy(\.isNumber) { return true }
        return false
    }

    /// `GGB54153`, `SGB41631`, `FGB1`, `OFGB2`, `CFGB3`, with an optional `_group` tail.
    private static func isGenomeBin(_ word: Substring) -> Bool {
        let upper = word.uppercased()
        for prefix in ["CFGB", "OFGB", "GGB", "FGB", "SGB"] where upper.hasPrefix(prefix) {
            let digits = upper.dropFirst(prefix.count)
            return !digits.isEmpty && digits.allSatisfy(\.isNumber)
        }
        return false
    }
}
