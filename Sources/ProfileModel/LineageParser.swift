import Foundation

/// How a lineage string was written; see `docs/TAXONOMY.md` §1 of the design notes.
public enum LineageStyle: String, Sendable, Codable {
    /// `x__Name` tokens joined by `;` (Greengenes, SILVA for QIIME 2, GTDB) or `|` (MetaPhlAn, Kraken mpa);
    /// bare tokens among them (QIIME 1's `Root` and `Other`) are unranked levels.
    case prefixed
    /// SILVA ≤ 132 level prefixes, `D_0__Bacteria;D_1__Proteobacteria;…`.
    case levelPrefixed
    /// mothur's `Name(confidence);` with a trailing semicolon.
    case mothur
    /// Names joined by `;` or `|` with no rank marks: ranks are taken from position.
    case positional
    /// A single name with no separators.
    case plain
}

/// Parses every lineage style the hub meets into a ``Lineage``.
///
/// The parser never rewrites names (no placeholder clean-up, no underscore-to-space):
/// that is the job of taxonomy reconciliation. It only splits, strips rank marks and
/// confidence values, and assigns ranks.
public enum LineageParser {
    /// Ranks assigned by position to unprefixed lineages (SILVA/RDP/DADA2 order).
    public static let positionalRanks: [Rank] = [.domain, .phylum, .class, .order, .family, .genus, .species, .strain]

    /// SILVA's level numbers in `D_n__` prefixes.
    static let levelRanks: [Rank] = [.domain, .phylum, .class, .order, .family, .genus, .species]

    /// Parses `text` in whichever style it is written; `rankHint` gives the rank of a plain single name.
    public static func parse(_ text: String, rankHint: Rank? = nil) -> Lineage {
        parseWithStyle(text, rankHint: rankHint).lineage
    }

    /// Parses `text` and reports the style it recognised.
    public static func parseWithStyle(_ text: String, rankHint: Rank? = nil) -> (lineage: Lineage, style: LineageStyle) {
        let trimmed = trimming(Substring(text), newlines: true)
        if trimmed.isEmpty { return (Lineage(), .plain) }
        let separator: Character = trimmed.utf8.contains(UInt8(ascii: "|")) ? "|" : ";"
        let separatorByte = UInt8(ascii: separator == "|" ? "|" : ";")
        let tokens = trimmed.utf8.split(separator: separatorByte, omittingEmptySubsequences: false)
            .map { trimming(Substring($0), newlines: false) }
        return parseTokens(tokens, separator: separator, endsWithSeparator: trimmed.hasSuffix(";"), rankHint: rankHint)
    }

    /// Parses a lineage that arrives already split into levels (a BIOM taxonomy list, a row of
    /// an HDF5 taxonomy matrix); the same as parsing the levels joined by `"; "`, without
    /// joining and splitting them again.
    public static func parseLevels(_ levels: [String], rankHint: Rank? = nil) -> (lineage: Lineage, style: LineageStyle) {
        // A level holding a separator or a line break, or non-ASCII text whose trimming can
        // depend on its neighbours, is read through the joined text.
        let plain = levels.count >= 2 && levels.allSatisfy { level in
            level.utf8.allSatisfy { byte in
                byte < 0x80 && byte != UInt8(ascii: "|") && byte != UInt8(ascii: ";") && !(0x0A...0x0D).contains(byte)
            }
        }
        guard plain else { return parseWithStyle(levels.joined(separator: "; "), rankHint: rankHint) }
        let tokens = levels.map { trimming(Substring($0), newlines: false) }
        return parseTokens(tokens, separator: ";", endsWithSeparator: tokens.last?.isEmpty == true, rankHint: rankHint)
    }

    /// Recognises the style of a lineage split at `separator` into trimmed tokens;
    /// `endsWithSeparator` when the text ended with `;` (as mothur writes).
    private static func parseTokens(_ tokens: [String], separator: Character, endsWithSeparator: Bool,
                                    rankHint: Rank?) -> (lineage: Lineage, style: LineageStyle) {
        var tokens = tokens
        while tokens.count > 1, tokens.last?.isEmpty == true { tokens.removeLast() }

        if tokens.count == 1 && !looksPrefixed(tokens[0]) && !looksLevelPrefixed(tokens[0]) {
            let name = stripMothurConfidence(unquote(tokens[0])) ?? unquote(tokens[0])
            return (Lineage([LineageEntry(rank: rankHint ?? .unranked, name: name)]) ?? Lineage(), .plain)
        }
        if tokens.contains(where: looksLevelPrefixed), let lineage = parseLevelPrefixed(tokens) {
            return (lineage, .levelPrefixed)
        }
        if tokens.allSatisfy({ $0.isEmpty || looksPrefixed($0) }), let lineage = parsePrefixed(tokens) {
            return (lineage, .prefixed)
        }
        if tokens.contains(where: looksPrefixed), let lineage = parseMixedPrefixed(tokens) {
            return (lineage, .prefixed)
        }
        if separator == ";", endsWithSeparator, tokens.allSatisfy({ $0.isEmpty || stripMothurConfidence($0) != nil }) {
            let names = tokens.map { stripMothurConfidence($0).map(unquote) ?? "" }
            return (positional(names), .mothur)
        }
        return (positional(tokens.map(unquote)), .positional)
    }

    /// A lineage from rank-labelled columns, such as a DADA2 or sourmash table (`Kingdom`, `Phylum`, …).
    /// Columns whose header is not a rank word become `unranked`; out-of-order ranks return `nil`.
    public static func fromColumns(_ columns: [(header: String, value: String)]) -> Lineage? {
        let entries = columns.map { column in
            LineageEntry(rank: Rank(name: column.header) ?? .unranked,
                         name: column.value.trimmingCharacters(in: .whitespaces))
        }
        var trimmed = entries
        while trimmed.last?.name.isEmpty == true { trimmed.removeLast() }
        return Lineage(trimmed)
    }

    // MARK: - Styles

    private static func parsePrefixed(_ tokens: [String]) -> Lineage? {
        var entries: [LineageEntry] = []
        for token in tokens where !token.isEmpty {
            guard let (prefix, name) = splitPrefix(token) else { return nil }
            entries.append(LineageEntry(rank: rank(forPrefix: prefix), name: unquote(name)))
        }
        return Lineage(entries)
    }

    /// Prefixed tokens mixed with bare ones, as QIIME 1 writes (`Root;k__Bacteria;Other`) and as
    /// the hub writes unranked levels (`root; d__Bacteria`): bare tokens become unranked entries.
    private static func parseMixedPrefixed(_ tokens: [String]) -> Lineage? {
        var entries: [LineageEntry] = []
        for token in tokens where !token.isEmpty {
            if let (prefix, name) = splitPrefix(token) {
                entries.append(LineageEntry(rank: rank(forPrefix: prefix), name: unquote(name)))
            } else {
                entries.append(LineageEntry(rank: .unranked, name: unquote(token)))
            }
        }
        return Lineage(entries)
    }

    private static func parseLevelPrefixed(_ tokens: [String]) -> Lineage? {
        var entries: [LineageEntry] = []
        for token in tokens where !token.isEmpty {
            guard let (prefix, name) = splitPrefix(token) else { return nil }
            let rank: Rank
            if prefix.hasPrefix("D_"), let level = Int(prefix.dropFirst(2)) {
                rank = level < levelRanks.count ? levelRanks[level] : .unranked
            } else {
                rank = self.rank(forPrefix: prefix)
            }
            entries.append(LineageEntry(rank: rank, name: unquote(name)))
        }
        return Lineage(entries)
    }

    private static func positional(_ names: [String]) -> Lineage {
        var entries: [LineageEntry] = []
        for (index, name) in names.enumerated() {
            entries.append(LineageEntry(rank: index < positionalRanks.count ? positionalRanks[index] : .unranked, name: name))
        }
        return Lineage(entries) ?? Lineage()
    }

    // MARK: - Tokens

    /// `k__Bacteria`, `d__`, `sk__Bacteria`, or Bracken's single-underscore `p_Proteobacteria`.
    static func looksPrefixed(_ token: String) -> Bool {
        prefixBoundary(token) != nil
    }

    static func looksLevelPrefixed(_ token: String) -> Bool {
        guard let (prefixEnd, _) = prefixBoundary(token) else { return false }
        let prefix = token.utf8[..<prefixEnd]
        return prefix.count > 2 && prefix.starts(with: "D_".utf8)
            && prefix.dropFirst(2).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Splits `x__Name` (or `x_Name` for a single known letter) into prefix and name.
    static func splitPrefix(_ token: String) -> (String, String)? {
        guard let (prefixEnd, nameStart) = prefixBoundary(token) else { return nil }
        return (String(token[..<prefixEnd]), String(token[nameStart...]))
    }

    /// Where the rank prefix of `x__Name` (or `x_Name`) ends and the name starts, without
    /// allocating: lineages are parsed for every taxon of large tables.
    private static func prefixBoundary(_ token: String) -> (String.Index, String.Index)? {
        let utf8 = token.utf8
        let underscore = UInt8(ascii: "_")
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == underscore, next != utf8.endIndex, utf8[next] == underscore {
                let prefix = token[..<index]
                let isShortWord = prefix.utf8.allSatisfy { $0 < 0x80 }
                    ? prefix.utf8.count <= 4 && prefix.utf8.allSatisfy(isASCIIWordByte)
                    : prefix.count <= 4 && prefix.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                guard !prefix.isEmpty, isShortWord else { return nil }
                return (index, utf8.index(after: next))
            }
            index = next
        }
        var bytes = utf8.makeIterator()
        if let first = bytes.next(), bytes.next() == underscore, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
           Rank(prefixLetter: Character(Unicode.Scalar(first))) != nil {
            return (utf8.index(after: utf8.startIndex), utf8.index(utf8.startIndex, offsetBy: 2))
        }
        return nil
    }

    /// An ASCII letter, digit or underscore.
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    /// `text` without surrounding whitespace (and newlines when asked), as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` / `.whitespacesAndNewlines` trims it. ASCII
    /// whitespace is stripped byte by byte; Foundation is asked only when a non-ASCII
    /// character (possibly a Unicode space) is left at either end.
    public static func trimming(_ text: Substring, newlines: Bool) -> String {
        func isASCIISpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || (newlines && (0x0A...0x0D).contains(byte))
        }
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start != end, isASCIISpace(utf8[start]) { start = utf8.index(after: start) }
        while start != end, isASCIISpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        let core = text[start..<end]
        if let first = core.utf8.first, let last = core.utf8.last, first >= 0x80 || last >= 0x80 {
            return core.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
        }
        return String(core)
    }

    static func rank(forPrefix prefix: String) -> Rank {
        // ASCII prefixes, nearly all of them, are looked up without lowercasing a string.
        let utf8 = prefix.utf8
        if utf8.count == 1, let letter = utf8.first, letter < 0x80 { return asciiLetterRanks[Int(letter)] ?? .unranked }
        if utf8.count == 2, utf8.allSatisfy({ $0 < 0x80 }) {
            return utf8.first! | 0x20 == UInt8(ascii: "s") && utf8.last! | 0x20 == UInt8(ascii: "k") ? .domain : .unranked
        }
        switch prefix.lowercased() {
        case "sk": return .domain
        default:
            if prefix.count == 1, let letter = prefix.first, let rank = Rank(prefixLetter: letter) { return rank }
            return .unranked
        }
    }

    /// The rank of each one-letter ASCII prefix (`k`, `P`, …), `nil` for letters that name none.
    private static let asciiLetterRanks: [Rank?] = (0..<128).map { Rank(prefixLetter: Character(Unicode.Scalar(UInt8($0)))) }

    /// `Bacteroidetes(100)` → `Bacteroidetes`; `nil` when the token has no `(number)` suffix.
    static func stripMothurConfidence(_ token: String) -> String? {
        splitMothurConfidence(token)?.name
    }

    /// A mothur token `Name(97)` as its name and confidence; `nil` without a numeric suffix.
    static func splitMothurConfidence(_ token: String) -> (name: String, confidence: Double)? {
        guard token.hasSuffix(")"), let open = token.lastIndex(of: "(") else { return nil }
        let number = token[token.index(after: open)..<token.index(before: token.endIndex)]
        guard !number.isEmpty, let confidence = Double(number) else { return nil }
        return (String(token[..<open]), confidence)
    }

    /// The per-level confidences of a mothur lineage (`Bacteria(100);Firmicutes(97);`), in
    /// order, as classify.seqs and classify.otu write them; `nil` when the text is not in that style.
    public static func mothurConfidences(_ text: String) -> [Double]? {
        guard parseWithStyle(text).style == .mothur else { return nil }
        let tokens = text.split(separator: ";").map { trimming($0, newlines: true) }.filter { !$0.isEmpty }
        let confidences = tokens.compactMap { splitMothurConfidence($0)?.confidence }
        return confidences.count == tokens.count ? confidences : nil
    }

    /// Removes one pair of surrounding double quotes (RDP writes `"Bacteroidetes"`).
    static func unquote(_ name: String) -> String {
        let quote = UInt8(ascii: "\"")
        if name.utf8.count >= 2, name.utf8.first == quote, name.utf8.last == quote {
            return String(name.dropFirst().dropLast())
        }
        return name
    }
}

/// Writes a ``Lineage`` back in the prefixed style (`k__Bacteria; p__Firmicutes`).
public enum LineageFormatter {
    /// The prefixed tokens, one per entry (`p__Firmicutes`, `f__`); unranked entries are written bare.
    public static func prefixedTokens(_ lineage: Lineage) -> [String] {
        lineage.entries.map { entry in
            guard let letter = entry.rank.prefixLetter else { return entry.name }
            return "\(letter)__\(entry.name)"
        }
    }

    /// The prefixed tokens joined by `separator` (default `"; "`, as Greengenes writes them).
    public static func prefixed(_ lineage: Lineage, separator: String = "; ") -> String {
        prefixedTokens(lineage).joined(separator: separator)
    }
}
