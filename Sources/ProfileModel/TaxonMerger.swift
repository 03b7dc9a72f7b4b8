/// Gathers taxa into merged rows by ``TaxonKey``: the first taxon of a key stands for the
/// row (its id, label, lineage, tax id and metadata), and every member's origins are kept.
/// Ids stay unique: a row whose id another key already took gets a `~2`, `~3` … suffix.
struct TaxonMerger {
    private(set) var taxa: [Taxon] = []
    private var indexByKey: [TaxonKey: Int] = [:]
    private var idsInUse: Set<String> = []
    private var firstInput: [String?] = []
    private var memberCount: [Int] = []
    /// Rows whose id had to be made unique.
    private(set) var renamedIDs = 0
    /// Whether a row of one member records its origin with its input (for tables merged from several inputs).
    let recordsEveryOrigin: Bool

    init(recordsEveryOrigin: Bool) {
        self.recordsEveryOrigin = recordsEveryOrigin
    }

    /// The number of taxa that were merged into another row.
    var mergedAway: Int { memberCount.reduce(0) { $0 + $1 - 1 } }

    /// Adds `taxon` under `key`, read from `input`; returns the index of its merged row.
    mutating func add(_ taxon: Taxon, key: TaxonKey, input: String?) -> Int {
        if let index = indexByKey[key] {
            if memberCount[index] == 1 && taxa[index].origins.isEmpty {
                taxa[index].origins = TaxonMerger.origins(of: taxa[index], input: firstInput[index])
            }
            for origin in TaxonMerger.origins(of: taxon, input: input) where !taxa[index].origins.contains(origin) {
                taxa[index].origins.append(origin)
            }
            memberCount[index] += 1
            return index
        }
        var row = taxon
        if idsInUse.contains(row.id) {
            var suffix = 2
            while idsInUse.contains("\(taxon.id)~\(suffix)") { suffix += 1 }
            row.id = "\(taxon.id)~\(suffix)"
            renamedIDs += 1
        }
        if recordsEveryOrigin && row.origins.isEmpty { row.origins = TaxonMerger.origins(of: taxon, input: input) }
        idsInUse.insert(row.id)
        indexByKey[key] = taxa.count
        taxa.append(row)
        firstInput.append(input)
        memberCount.append(1)
        return taxa.count - 1
    }

    /// A taxon's origins with `input` filled in where the origin does not name one.
    private static func origins(of taxon: Taxon, input: String?) -> [TaxonOrigin] {
        taxon.allOrigins.map { origin in
            var origin = origin
            if origin.input == nil { origin.input = input }
            return origin
        }
    }
}
