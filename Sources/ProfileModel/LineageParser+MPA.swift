/// MetaPhlAn-style (`mpa`) clade names: rank-prefixed levels joined by `|`.
///
/// MetaPhlAn writes `k__Bacteria|p__Firmicutes|…|s__Genus_species|t__SGB1234`; Kraken's
/// `kreport2mpa.py` and Bracken write single-underscore prefixes (`d_Bacteria|p_…|s_Genus species`)
/// and, with `--intermediate-ranks`, `r_root` and `x_cellular organisms` for levels without a
/// standard rank. See https://github.com/biobakery/MetaPhlAn/wiki and KrakenTools' `kreport2mpa.py`.
extension LineageParser {
    /// Single-letter prefixes kreport2mpa writes for levels with no standard rank (root, intermediate).
    static let mpaUnrankedLetters: Set<Character> = ["r", "x"]

    /// Parses an mpa clade name; `nil` when a level is not rank-prefixed or the ranks are out of order.
    public static func parseMPAClade(_ clade: String) -> Lineage? {
        var entries: [LineageEntry] = []
        for level in clade.split(separator: "|", omittingEmptySubsequences: false) {
            let token = trimming(level, newlines: true)
            if let first = token.first, mpaUnrankedLetters.contains(first), token.dropFirst().first == "_",
               !token.hasPrefix("\(first)__") {
                entries.append(LineageEntry(rank: .unranked, name: String(token.dropFirst(2))))
                continue
            }
            guard let (prefix, name) = splitPrefix(token) else { return nil }
            entries.append(LineageEntry(rank: rank(forPrefix: prefix), name: unquote(name)))
        }
        return Lineage(entries)
    }

    /// Whether `text` reads as an mpa clade name whose first level is a top rank
    /// (`k__`, `d__`, `d_`, `r_`, `x_`), as every row of a MetaPhlAn or kreport2mpa profile starts.
    public static func looksLikeMPAClade(_ text: some StringProtocol) -> Bool {
        let first = text.prefix { $0 != "|" }
        let tops = ["k__", "d__", "sk__", "k_", "d_", "r_", "x_"]
        return tops.contains { first.hasPrefix($0) } && first.count > 3 && parseMPAClade(String(text)) != nil
    }
}
