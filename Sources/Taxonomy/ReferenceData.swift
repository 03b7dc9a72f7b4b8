/// What a resolution may consult: the bundled renames and whatever reference data the user supplied.
public struct ReferenceData: Sendable {
    public var renames: RenameTable
    public var taxdump: NCBITaxdump?
    public var gtdb: GTDBTaxonomy?

    public init(renames: RenameTable = BundledRenames.table, taxdump: NCBITaxdump? = nil, gtdb: GTDBTaxonomy? = nil) {
        self.renames = renames
        self.taxdump = taxdump
        self.gtdb = gtdb
    }

    /// Loads the reference data named on a command line.
    public static func load(taxdumpDirectory: String?, gtdbFiles: [String]) throws(TaxonomyError) -> ReferenceData {
        var data = ReferenceData()
        if let taxdumpDirectory { data.taxdump = try NCBITaxdumpLoader.load(directory: taxdumpDirectory) }
        if !gtdbFiles.isEmpty {
            var gtdb = GTDBTaxonomy()
            for file in gtdbFiles { try gtdb.load(path: file) }
            data.gtdb = gtdb
        }
        return data
    }
}
