import FormatKit
import TabularKit

/// The column layouts of Kraken-style reports ("kreports"), and one parsed row.
///
/// Kraken 2 (`--report`): `percent, clade reads, direct reads, rank code, tax id, indented name`;
/// with `--report-minimizer-data` two columns (minimizers, distinct minimizers) follow the
/// direct reads. KrakenUniq: `%, reads, taxReads, kmers, dup, cov, taxID, rank, taxName`, after
/// `#` lines and a header. Bracken and `centrifuge-kreport` write Kraken's six columns.
/// Spec: https://github.com/DerrickWood/kraken2/blob/master/docs/MANUAL.markdown#standard-kraken-output-format
enum KrakenReportLayout: Sendable, Equatable {
    /// Kraken's six columns.
    case standard
    /// Kraken 2's eight columns with minimizer data.
    case minimizers
    /// KrakenUniq's nine columns.
    case krakenUniq

    /// The number of tab-separated fields of a row.
    var fieldCount: Int {
        switch self {
        case .standard: 6
        case .minimizers: 8
        case .krakenUniq: 9
        }
    }

    /// Positions of the rank and tax id fields (the name is always last).
    private var rankField: Int { self == .krakenUniq ? 7 : fieldCount - 3 }
    private var taxIDField: Int { self == .krakenUniq ? 6 : fieldCount - 2 }

    /// The layout a row of `fieldCount` tab-separated fields has, in a file that is not KrakenUniq.
    static func kraken(fieldCount: Int) -> KrakenReportLayout? {
        switch fieldCount {
        case 6: .standard
        case 8: .minimizers
        default: nil
        }
    }

    /// Whether `line` is KrakenUniq's column header (`%\treads\ttaxReads…`).
    static func isKrakenUniqHeader(_ line: some StringProtocol) -> Bool {
        line.hasPrefix("%\treads\ttaxReads")
    }

    /// Parses one row; `nil` when a field is missing or not of its type.
    func parse(_ line: Substring) -> KrakenReportRow? {
        let fields = TextCells.tabFields(line)
        guard fields.count == fieldCount else { return nil }
        let percentText = fields[0]
        guard let percent = Double(percentText.drop { $0 == " " }),
              let clade = Self.count(fields[1]), let direct = Self.count(fields[2]) else { return nil }
        let taxID = fields[taxIDField].drop { $0 == " " }
        guard !taxID.isEmpty, taxID.allSatisfy(\.isNumber) else { return nil }
        let rank = String(fields[rankField])
        guard !rank.isEmpty else { return nil }
        let indented = fields[fieldCount - 1]
        let spaces = indented.prefix { $0 == " " }.count
        let name = String(indented.dropFirst(spaces))
        guard !name.isEmpty else { return nil }
        return KrakenReportRow(percentText: String(percentText), percent: percent, cladeReads: clade,
                               directReads: direct, rankCode: rank, taxID: String(taxID),
                               depth: spaces / 2, name: name)
    }

    /// A read count: a non-negative integer (Kraken) or a number written with a decimal point.
    private static func count(_ field: Substring) -> Double? {
        guard let value = Double(field), value.isFinite, value >= 0 else { return nil }
        return value
    }
}

/// One row of a Kraken-style report.
struct KrakenReportRow: Sendable, Equatable {
    /// The percentage as written (its padding tells writers apart).
    var percentText: String
    var percent: Double
    /// Reads in the clade rooted at this taxon.
    var cladeReads: Double
    /// Reads assigned to this taxon itself.
    var directReads: Double
    /// `U`, `R`, `D`, `K`, `P`, `C`, `O`, `F`, `G`, `S`, a numbered sub-rank (`S1`, `G2`), `-`, or a rank word.
    var rankCode: String
    var taxID: String
    /// The indentation level (two spaces a level).
    var depth: Int
    /// The name without its indentation.
    var name: String

    /// Whether this is the unclassified-reads row.
    var isUnclassified: Bool { taxID == "0" && (rankCode == "U" || name == "unclassified") }
}
