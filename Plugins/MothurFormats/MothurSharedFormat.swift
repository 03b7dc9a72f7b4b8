import FormatKit
import ProfileModel
import TabularKit

/// mothur's `.shared` file: OTU counts per group (sample), one block of rows per clustering
/// distance label, as `make.shared`, `cluster.split` and `phylotype` write it.
///
/// Documented at https://mothur.org/wiki/shared_file/ (version 1.x; the layout has been stable
/// since mothur 1.20). Tab-separated; the header names `label`, `Group`, `numOtus` and then the
/// OTUs; every row gives its distance label, its group, how many OTUs it has and that many counts:
/// ```
/// label	Group	numOtus	Otu01	Otu02	Otu03
/// 0.03	forest	3	0	2	1
/// 0.03	pasture	3	2	0	1
/// ```
/// A file may hold several labels (`unique`, `0.01`, … `0.55`), each a different clustering of
/// the same reads; rows of coarser labels have fewer OTUs than the header lists (mothur writes
/// the header once, for the finest label), so a row's OTUs are the first `numOtus` header names.
///
/// Import reads one label: `--option label=0.03`, or else the file's first label (with a
/// `table.subset-chosen` warning when there are others). The `taxonomy` companion is the
/// `.cons.taxonomy` file of `classify.otu` (`OTU`, `Size`, `Taxonomy` with bootstrap
/// confidences in parentheses, read by ``TaxonomyCompanion`` through ``LineageParser``'s
/// mothur style); its OTU column may name OTUs by number only (older `phylotype` output), which
/// matches `Otu007` by its number. The unit is counts and the rows are disjoint OTUs.
public struct MothurSharedFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "mothur-shared", name: "mothur shared file",
        summary: "mothur's .shared OTU table: counts per group for each clustering distance label.",
        versions: ["1"], extensions: ["shared"], mediaType: "text/tab-separated-values",
        specURL: "https://mothur.org/wiki/shared_file/",
        canImport: true, canExport: false,
        companions: [CompanionDescription(role: TaxonomyCompanion.role, required: false,
                                          summary: "the .cons.taxonomy file of classify.otu, giving each OTU its lineage")],
        importOptions: [Self.label])

    /// `label=L`: the distance label to read (`unique`, `0.03`, …); the file's first by default.
    static let label = PluginOption(name: "label", kind: .text,
                                    help: "the distance label to read (unique, 0.03, …); default: the file's first label")

    /// The cells that open every `.shared` header, compared case-insensitively.
    static let headerStart = ["label", "group", "numotus"]

    /// The header of `classify.otu`'s `.cons.taxonomy`, which is this format's companion, not a profile.
    static let consTaxonomyHeader = ["otu", "size", "taxonomy"]

    public func detect(_ prefix: InputPrefix) -> Detection {
        guard let cells = Self.headerCells(prefix) else { return .noMatch }
        if cells == Self.consTaxonomyHeader {
            return .unsure(reason: "mothur .cons.taxonomy (OTU, Size, Taxonomy): the taxonomy companion of a .shared file, not a profile")
        }
        guard cells.count >= 3, Array(cells.prefix(3)) == Self.headerStart else { return .noMatch }
        return .match(confidence: 0.95, reason: "mothur .shared header: label, Group, numOtus and \(cells.count - 3) OTU column(s)")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        if Self.headerCells(try input.prefix()) == Self.consTaxonomyHeader {
            throw .unsupported(input.location(line: 1),
                               reason: "this is a mothur .cons.taxonomy file, which gives OTUs their lineages but holds no counts per sample: import the .shared file with --companion taxonomy=\(input.name)")
        }
        var reader = MothurSharedReader(input: input, wantedLabel: options.parameters[Self.label.name])
        var builder = try reader.read()
        if let companion = input.companions[TaxonomyCompanion.role] {
            try TaxonomyCompanion.read(companion).annotate(&builder, keys: MothurShared.companionKeys)
        }
        do { return try builder.build() } catch { throw ImportError(error, at: input.location()) }
    }

    /// The first non-blank line's tab-separated cells, normalised for comparison.
    static func headerCells(_ prefix: InputPrefix) -> [String]? {
        prefix.firstNonBlankLines(1).first.map { line in
            TextCells.split(String(line), delimiter: MothurShared.tab, quote: nil).map(HeaderCells.normalized)
        }
    }
}

/// What the mothur plugins share.
enum MothurShared {
    static let tab = UInt8(ascii: "\t")

    /// The keys a feature id can have in a `.cons.taxonomy` file: itself, and for mothur's
    /// `Otu` + zero-padded number the bare number that older `phylotype` output uses.
    static func companionKeys(_ id: String) -> [String] {
        guard id.hasPrefix("Otu"), let number = Int(id.dropFirst(3)) else { return [id] }
        return [id, String(number)]
    }
}
