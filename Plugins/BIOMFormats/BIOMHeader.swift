import FormatKit
import Foundation
import ProfileModel

/// The table-level fields of a BIOM file and where they live in the model.
///
/// On import the fields go into `provenance.source` under the hub's names (`table-id`,
/// `table-type`, `generated-by`, `created`, `format-url`, `format-version`, `comment`); other
/// table-level entries the file carries are kept under their own names. On export they come
/// back from there, repaired where BIOM validators would reject them.
struct BIOMHeader: Equatable {
    var tableID: String?
    var type: String?
    var generatedBy: String?
    var created: String?
    var formatURL: String?
    var formatVersion: String?
    var comment: String?

    /// `provenance.source` keys the header fields use.
    enum Key {
        static let tableID = SourceKey.attribute("table-id")
        static let type = SourceKey.attribute("table-type")
        static let generatedBy = SourceKey.attribute("generated-by")
        static let created = SourceKey.attribute("created")
        static let formatURL = SourceKey.attribute("format-url")
        static let formatVersion = SourceKey.attribute("format-version")
        static let comment = SourceKey.attribute("comment")
        static let all: Set<SourceKey> = [tableID, type, generatedBy, created, formatURL, formatVersion, comment]
    }

    /// The table types the BIOM specification allows, spelled as it spells them.
    static let tableTypes = ["OTU table", "Pathway table", "Function table", "Ortholog table", "Gene table",
                             "Metabolite table", "Taxon table"]

    /// The URL BIOM validators require in `format_url` / `format-url`.
    static let formatURLValue = "http://biom-format.org"

    /// Records the fields present into provenance source facts.
    func record(into source: inout SourceFacts) {
        let pairs: [(SourceKey, String?)] = [(Key.tableID, tableID), (Key.type, type), (Key.generatedBy, generatedBy),
                                          (Key.created, created), (Key.formatURL, formatURL),
                                          (Key.formatVersion, formatVersion), (Key.comment, comment)]
        for (key, value) in pairs { if let value { source[key] = value } }
    }

    /// The spec's spelling of a table type, matched case-insensitively (biom-format writes `otu table`).
    static func canonicalType(_ text: String) -> String? {
        tableTypes.first { $0.caseInsensitiveCompare(text) == .orderedSame }
    }

    /// Whether `text` is a date-time in one of the ISO 8601 forms biom-format's validator accepts:
    /// `YYYY-MM-DD`, optionally followed by `THH:MM`, `THH:MM:SS` or `THH:MM:SS.ffffff`.
    static func isValidDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { (48...57).contains($0) }
        }
        func byte(_ index: Int, is character: Character) -> Bool {
            index < bytes.count && bytes[index] == character.asciiValue
        }
        guard digits(0..<4), byte(4, is: "-"), digits(5..<7), byte(7, is: "-"), digits(8..<10) else { return false }
        if bytes.count == 10 { return true }
        guard byte(10, is: "T"), digits(11..<13), byte(13, is: ":"), digits(14..<16) else { return false }
        if bytes.count == 16 { return true }
        guard byte(16, is: ":"), digits(17..<19) else { return false }
        if bytes.count == 19 { return true }
        return byte(19, is: ".") && bytes.count > 20 && bytes.count <= 26 && digits(20..<bytes.count)
    }

    /// The header an export writes for `table`, with the repairs it had to make reported as losses.
    ///
    /// - The type is the source's when it is one of the spec's (in the spec's spelling); otherwise
    ///   the one the content fits (``contentType(of:)``), reported when the source was BIOM (whose
    ///   own type was then missing or outside the list) or named an invalid type.
    /// - The creation date is the source's when validators accept it, otherwise `now` (UTC, as a date).
    /// - The generator is mhub and its version (the source's own generator travels as
    ///   ``BIOMHubEntries/sourceGenerator``).
    static func forExport(_ table: ProfileTable, now: Date) -> (header: BIOMHeader, repairs: [DeclaredLoss]) {
        let source = table.provenance.source
        var header = BIOMHeader()
        var repairs: [DeclaredLoss] = []
        header.tableID = source[Key.tableID]
        header.comment = source[Key.comment]

        let fallbackType = contentType(of: table)
        if let given = source[Key.type], let canonical = canonicalType(given) {
            header.type = canonical
        } else {
            header.type = fallbackType
            let cameFromBIOM = source[.sourceFormat]?.hasPrefix("biom") == true
            if let given = source[Key.type] {
                repairs.append(DeclaredLoss(field: .provenanceSource,
                                            detail: "\(Key.type) '\(given)' is not a BIOM table type; written as '\(fallbackType)'"))
            } else if cameFromBIOM {
                repairs.append(DeclaredLoss(field: .provenanceSource,
                                            detail: "\(Key.type): the source BIOM file gave no table type; written as '\(fallbackType)'"))
            }
        }

        let today = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(identifier: "UTC")!,
                                                formatOptions: [.withFullDate])
        if let given = source[Key.created] {
            if isValidDate(given) {
                header.created = given
            } else {
                header.created = today
                repairs.append(DeclaredLoss(field: .provenanceSource,
                                            detail: "\(Key.created) '\(given)' is not a date BIOM validators accept; written as \(today)"))
            }
        } else {
            header.created = today
        }

        header.generatedBy = HubVersion.generator
        return (header, repairs)
    }

    /// The table type the content fits: `Taxon table` when every row is a taxon named by its
    /// lineage or tax id (profiler and consumer reports: `k__Bacteria|…`, `ncbi:816`), `OTU table`
    /// when rows are features of their own (OTUs, ASVs: `GG_OTU_1`, `Otu01`, sequence hashes).
    static func contentType(of table: ProfileTable) -> String {
        table.taxa.isEmpty || table.taxa.contains(where: { !isNamedByLineage($0) }) ? "OTU table" : "Taxon table"
    }

    /// Whether a taxon's id is its tax id or names the deepest level of its lineage.
    private static func isNamedByLineage(_ taxon: Taxon) -> Bool {
        if let taxonID = taxon.taxonID, taxon.id == taxonID.description || taxon.id == taxonID.value { return true }
        guard let deepest = taxon.lineage.named.last?.name else { return false }
        if taxon.id == deepest { return true }
        return LineageParser.parse(taxon.id).named.last?.name == deepest
    }

    /// Source facts that are not header fields, to be written as extra table-level entries,
    /// in key order; `reserved` names the format's own top-level names, which extras cannot take.
    static func extraEntries(of table: ProfileTable, reserved: Set<String>) -> (entries: [(String, String)], clashes: [DeclaredLoss]) {
        var entries: [(String, String)] = []
        var clashes: [DeclaredLoss] = []
        for (key, value) in table.provenance.source where !Key.all.contains(key) {
            if reserved.contains(key.rawValue) {
                clashes.append(DeclaredLoss(field: .provenanceSource,
                                            detail: "'\(key)' is a name the format reserves for itself"))
            } else {
                entries.append((key.rawValue, value))
            }
        }
        return (entries, clashes)
    }
}
