import ProfileModel

/// How firmly a bundled rename is confirmed; the labels of `docs/TAXONOMY.md` §2.
public enum RenameConfirmation: String, Sendable, Hashable, Codable {
    /// [P] checked against the publication itself.
    case publication = "P"
    /// [L] checked against LPSN data.
    case lpsn = "L"
    /// [S] checked only against a secondary page quoting LPSN.
    case secondary = "S"
    /// [D] the names differ across databases; who published the change is not confirmed.
    case databaseUsage = "D"
    /// Only a community list agrees (DAIRYdb); not applied to any target.
    case communityList = "community"
}

/// One name change from the sourced tables of `docs/TAXONOMY.md` §2, with its source.
public struct RenameRow: Sendable, Hashable, Codable {
    /// The row number in `docs/TAXONOMY.md` §2.
    public var row: Int
    public var oldName: String
    public var newName: String
    public var rank: Rank
    public var confirmation: RenameConfirmation
    /// The evidence, as the design notes give it.
    public var source: String
    /// The targets whose naming the new name is: a rename applies only to these.
    public var targets: Set<TargetTaxonomy>

    public init(row: Int, oldName: String, newName: String, rank: Rank, confirmation: RenameConfirmation,
                source: String, targets: Set<TargetTaxonomy>) {
        self.row = row
        self.oldName = oldName
        self.newName = newName
        self.rank = rank
        self.confirmation = confirmation
        self.source = source
        self.targets = targets
    }
}

/// A set of rename rows looked up by rank and old name.
public struct RenameTable: Sendable {
    public let rows: [RenameRow]
    private let byKey: [RenameKey: [RenameRow]]

    private struct RenameKey: Hashable {
        var rank: Rank
        var name: String
    }

    public init(rows: [RenameRow]) {
        self.rows = rows
        byKey = Dictionary(grouping: rows) { RenameKey(rank: $0.rank, name: $0.oldName) }
    }

    /// The row renaming `name` at `rank` for `target`, if one applies.
    public func rename(_ name: String, rank: Rank, for target: TargetTaxonomy) -> RenameRow? {
        byKey[RenameKey(rank: rank, name: name)]?.first { $0.targets.contains(target) }
    }

    /// The rows renaming `name` at any rank for `target` (for names given without a rank).
    public func renames(anyRank name: String, for target: TargetTaxonomy) -> [RenameRow] {
        Rank.ordered.compactMap { rename(name, rank: $0, for: target) }
    }

    /// Rows about `name` at `rank` that do not apply to `target` (kept as evidence for the report).
    public func notApplying(_ name: String, rank: Rank, for target: TargetTaxonomy) -> [RenameRow] {
        (byKey[RenameKey(rank: rank, name: name)] ?? []).filter { !$0.targets.contains(target) }
    }
}
