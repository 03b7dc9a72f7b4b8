import ProfileModel

/// Reads rank cells as tools write them: words (`species`, `superkingdom`, `no rank`) or
/// Kraken/Bracken rank codes (`S`, `G`, `D`, with depth digits such as `S1` or `R2`).
public enum RankCells {
    /// The rank a cell names; `unranked` for `no rank`, `root`, `-` and codes below a rank (`G2`, `R1`);
    /// `nil` for an empty cell or a word the hub does not know.
    public static func rank(_ cell: String) -> Rank? {
        let text = TextCells.trim(cell)
        if text.isEmpty { return nil }
        // The common case first: a one-letter Kraken rank code.
        if text.utf8.count == 1, let code = text.first, let base = codeRank(code) { return base }
        if let rank = Rank(name: text) { return rank }
        switch text.lowercased() {
        case "root", "-", "u", "r", "unclassified": return .unranked
        default: break
        }
        let characters = Array(text)
        guard let code = characters.first, code.isUppercase, characters.dropFirst().allSatisfy(\.isNumber) else { return nil }
        let depth = Int(String(characters.dropFirst())) ?? 0
        guard let base = codeRank(code) else { return code == "R" || code == "U" ? .unranked : nil }
        if depth == 0 { return base }
        // One level below species is a strain (`S1`); other sub-levels have no rank of their own.
        return base == .species && depth == 1 ? .strain : .unranked
    }

    private static func codeRank(_ code: Character) -> Rank? {
        switch code {
        case "D": .domain
        case "K": .kingdom
        case "P": .phylum
        case "C": .class
        case "O": .order
        case "F": .family
        case "G": .genus
        case "S": .species
        default: nil
        }
    }
}
