import FormatKit
import TabularKit

/// What the start of a Kraken-style report shows about its writer, for the detectors of
/// Kraken 2, Bracken, KrakenUniq and Centrifuge to tell their reports apart by content.
///
/// The writers differ in small, stable ways (read from their sources):
/// - Kraken 2 codes ranks `U R D K P C O F G S` with numbered sub-ranks (`R1`, `D1`, `G2`) and
///   pads the percentage to six places (`%6.2f`); it omits a zero `unclassified` row.
/// - Kraken 1 and `centrifuge-kreport` write `-` for every rank outside the main ones; the
///   Centrifuge script always writes the `unclassified` row, even with zero reads.
/// - Bracken rewrites the report with unpadded percentages (`%0.2f`) and gives direct reads
///   only at the rank it re-estimated (species by default) and on leaves above it, every row
///   with children having zero.
/// - KrakenUniq starts with `# KrakenUniq` lines and a `%\treads\ttaxReads…` header, and writes rank words.
struct KrakenReportTraits: Sendable, Equatable {
    var layout: KrakenReportLayout
    /// Rows read from the prefix.
    var rowCount = 0
    /// Data lines that are not rows of the layout (a broken report still goes to its reader,
    /// which says which line is wrong, rather than to a generic table importer).
    var badRowCount = 0
    var hasKrakenUniqHeader = false
    var hasNumberedSubranks = false
    var hasDashCodes = false
    /// An `unclassified` row with zero reads.
    var hasZeroUnclassified = false
    /// Rows (other than `unclassified`) whose percentage is written narrower than six characters.
    var unpaddedPercentRows = 0
    /// The rank codes of rows with direct reads.
    var directRanks: Set<String> = []
    /// Rows whose direct reads differ from their clade reads (reads assigned to a clade with children).
    var hasInnerDirectReads = false

    /// The traits of `prefix`, or `nil` when its data lines are not all Kraken-style rows; read
    /// once per prefix and shared by the four detectors that ask.
    static func read(_ prefix: InputPrefix) -> KrakenReportTraits? {
        prefix.derived(DerivedKey()) { scan(prefix) }
    }

    private struct DerivedKey: Hashable, Sendable {}

    private static func scan(_ prefix: InputPrefix) -> KrakenReportTraits? {
        var traits: KrakenReportTraits?
        var sawComment = false
        for line in prefix.lines where !line.allSatisfy(\.isWhitespace) {
            if line.hasPrefix("#") {
                sawComment = true
                continue
            }
            if KrakenReportLayout.isKrakenUniqHeader(line) {
                guard traits == nil else { return nil }
                traits = KrakenReportTraits(layout: .krakenUniq, hasKrakenUniqHeader: true)
                continue
            }
            if traits == nil {
                guard !sawComment, let layout = KrakenReportLayout.kraken(fieldCount: TextCells.tabFields(line).count) else { return nil }
                traits = KrakenReportTraits(layout: layout)
            }
            guard var current = traits else { return nil }
            if let row = current.layout.parse(line), current.accept(row) { current.rowCount += 1 } else { current.badRowCount += 1 }
            traits = current
        }
        guard let traits, traits.rowCount > 0, traits.badRowCount <= traits.rowCount else { return nil }
        return traits
    }

    /// Records one row's traits; `false` when its rank cell is not what the layout allows.
    private mutating func accept(_ row: KrakenReportRow) -> Bool {
        if layout == .krakenUniq {
            guard row.rankCode.first?.isLetter == true else { return false }
        } else {
            guard Self.isRankCode(row.rankCode) else { return false }
            if row.rankCode == "-" { hasDashCodes = true }
            if row.rankCode.count > 1 { hasNumberedSubranks = true }
        }
        if row.isUnclassified {
            if row.cladeReads == 0 { hasZeroUnclassified = true }
            return true
        }
        if row.percentText.count < 6 { unpaddedPercentRows += 1 }
        if row.directReads > 0 {
            directRanks.insert(row.rankCode)
            if row.directReads != row.cladeReads { hasInnerDirectReads = true }
        }
        return true
    }

    /// A detection capped for reports with rows that do not parse.
    func verdict(_ confidence: Double, _ reason: String) -> Detection {
        guard badRowCount > 0 else { return .match(confidence: confidence, reason: reason) }
        return .match(confidence: min(confidence, 0.6), reason: "\(reason); \(badRowCount) line(s) are not rows of this layout")
    }

    /// `U`, `R`, `D`, `K`, `P`, `C`, `O`, `F`, `G`, `S`, optionally followed by digits, or `-`.
    static func isRankCode(_ code: String) -> Bool {
        if code == "-" { return true }
        guard let first = code.first, "URDKPCOFGS".contains(first) else { return false }
        return code.dropFirst().allSatisfy(\.isNumber)
    }

    /// Whether the rows look rewritten by Bracken: unpadded percentages, and direct reads only
    /// on rows without children (where they equal the clade reads).
    var looksLikeBracken: Bool {
        unpaddedPercentRows > 0 && !hasInnerDirectReads
    }

    /// Whether the rows look written by `centrifuge-kreport`: `-` rank codes and a zero `unclassified` row.
    var looksLikeCentrifuge: Bool {
        hasDashCodes && !hasNumberedSubranks && hasZeroUnclassified
    }
}
