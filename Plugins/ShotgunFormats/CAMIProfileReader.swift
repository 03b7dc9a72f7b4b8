import FormatKit
import ProfileModel
import TabularKit

/// Reads a CAMI profile, one header block and row block per sample (see ``CAMIProfileFormat``).
struct CAMIProfileReader {
    let input: ImportInput
    let options: ImportOptions
    /// The id of the plugin reading, for option errors.
    let formatID: String

    /// The state of the sample being read.
    private struct Block {
        var sample: Int
        var ranks: [String] = []
        /// Column positions from the `@@` header.
        var taxID = 0, rank = 1, path = 2, names = 3, percentage = 4
        var hasColumns = false
    }

    func read() throws(ImportError) -> ProfileTable {
        let chosen = options.parameters[TaxonomySystemOption.option.name] == nil ? nil : try TaxonomySystemOption.read(options, format: formatID, input: input)
        var builder = ProfileTableBuilder(unit: .percent, structure: .cladeCumulative,
                                          provenance: Provenance())
        var lines = try input.lines()
        var block: Block?
        var system: String?
        var pending: [(key: String, value: String)] = []
        while let text = try lines.nextString() {
            let at = input.location(line: lines.lineNumber)
            if text.allSatisfy(\.isWhitespace) || text.hasPrefix("#") { continue }
            if text.hasPrefix("@@") {
                guard var current = block else { throw .missingField(at, field: "@SampleID before the @@ column header") }
                try Self.readColumns(text, into: &current, at: at)
                block = current
                continue
            }
            if text.hasPrefix("@") {
                let (key, value) = Self.headerField(text)
                if key.lowercased() == "sampleid" {
                    do { block = Block(sample: try builder.addSample(Sample(id: value))) } catch { throw ImportError(error, at: at) }
                } else {
                    pending.append((key, value))
                }
                // Fields after a block's rows, or before any @SampleID, wait for the next sample.
                if var current = block, !current.hasColumns {
                    apply(&pending, to: &current, in: &builder, system: &system, chosen: chosen)
                    block = current
                }
                continue
            }
            guard let current = block, current.hasColumns else { throw .missingField(at, field: "@@TAXID column header before the rows") }
            try readRow(text, block: current, system: system ?? chosen ?? "ncbi", into: &builder, at: lines.lineNumber)
        }
        guard builder.sampleCount > 0 else { throw .emptyInput(input.location()) }
        builder.provenance.source[.taxonomySystem] = system ?? chosen ?? "ncbi"
        let table: ProfileTable
        do { table = try builder.build() } catch { throw ImportError(error, at: input.location()) }
        return Self.withNestingDiagnostics(table)
    }

    private func readRow(_ text: String, block: Block, system: String, into builder: inout ProfileTableBuilder,
                         at line: Int) throws(ImportError) {
        let at = input.location(line: line)
        let fields = TextCells.tabFields(text).map(String.init)
        guard fields.count > max(block.taxID, block.path, block.percentage) else {
            throw .syntax(at, reason: "\(fields.count) fields; a CAMI row needs TAXID, RANK, TAXPATH, TAXPATHSN and PERCENTAGE")
        }
        guard let value = Double(fields[block.percentage]) else {
            throw .invalidValue(input.location(line: line, column: block.percentage + 1), value: fields[block.percentage],
                                reason: "is not a percentage")
        }
        let taxID = fields[block.taxID]
        let index: Int
        if let known = builder.taxonIndex(id: taxID) {
            index = known
        } else {
            let ids = fields[block.path].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let names = block.names < fields.count
                ? fields[block.names].split(separator: "|", omittingEmptySubsequences: false).map(String.init) : ids
            guard names.count == ids.count else {
                throw .syntax(at, reason: "TAXPATH has \(ids.count) levels but TAXPATHSN \(names.count)")
            }
            var entries: [LineageEntry] = []
            var levelIDs: [String?] = []
            for (position, id) in ids.enumerated() where !(id.isEmpty && names[position].isEmpty) {
                let rankName = position < block.ranks.count ? block.ranks[position] : fields[block.rank]
                entries.append(LineageEntry(rank: CAMIRanks.rank(rankName), name: names[position].isEmpty ? id : names[position]))
                levelIDs.append(id.isEmpty ? nil : id)
            }
            guard let lineage = Lineage(entries) else {
                throw .invalidValue(at, value: fields[block.path], reason: "gives levels out of the @Ranks order")
            }
            var taxon = Taxon(id: taxID, label: entries.last?.name ?? taxID, lineage: lineage,
                              taxonID: TaxonID(system: system, value: taxID))
            taxon.levelTaxonIDs = levelIDs
            do { index = try builder.addTaxon(taxon) } catch { throw ImportError(error, at: at) }
        }
        do { try builder.setValue(value, sample: block.sample, taxon: index) } catch { throw ImportError(error, at: at) }
    }

    /// Applies header fields (`@Ranks`, `@TaxonomyID`, `@Version`, `@__program__`, …) to the
    /// current sample; CAMI writers put some before `@SampleID`, so they wait in `pending` for it.
    private func apply(_ pending: inout [(key: String, value: String)], to current: inout Block,
                       in builder: inout ProfileTableBuilder, system: inout String?, chosen: String?) {
        var metadata = builder.sample(at: current.sample).metadata
        for (key, value) in pending {
            switch key.lowercased() {
            case "ranks": current.ranks = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            case "taxonomyid": system = system ?? chosen ?? Self.system(declaredBy: value)
            case "version": builder.provenance.source[.attribute("cami-version")] = builder.provenance.source[.attribute("cami-version")] ?? value
            default: break
            }
            if Self.formatFields.contains(key.lowercased()) { continue }
            metadata[key.hasPrefix("__") ? String(key.dropFirst(2).dropLast(2)) : key] = .string(value)
        }
        pending.removeAll()
        builder.setMetadata(metadata, ofSample: current.sample)
    }

    /// Header fields about the file's layout rather than the sample (kept in the provenance or used to read).
    static let formatFields: Set<String> = ["version", "ranks"]

    /// Reads the `@@TAXID\tRANK\tTAXPATH\tTAXPATHSN\tPERCENTAGE…` header, in any order.
    private static func readColumns(_ text: String, into block: inout Block, at: SourceLocation) throws(ImportError) {
        let names = text.dropFirst(2).split(separator: "\t", omittingEmptySubsequences: false).map { $0.uppercased() }
        func column(_ name: String) throws(ImportError) -> Int {
            guard let index = names.firstIndex(of: name) else { throw .missingField(at, field: "\(name) column") }
            return index
        }
        block.taxID = try column("TAXID")
        block.rank = try column("RANK")
        block.path = try column("TAXPATH")
        block.percentage = try column("PERCENTAGE")
        block.names = names.firstIndex(of: "TAXPATHSN") ?? names.count
        block.hasColumns = true
    }

    /// `@Key:value` split at the first colon.
    private static func headerField(_ text: String) -> (String, String) {
        let body = text.dropFirst()
        guard let colon = body.firstIndex(of: ":") else { return (String(body), "") }
        return (String(body[..<colon]), String(body[body.index(after: colon)...]).trimmingPrefix(" ").description)
    }

    /// The system a `@TaxonomyID` declares (`ncbi-taxonomy_2015.01.30` is NCBI's).
    private static func system(declaredBy value: String) -> String {
        let lower = value.lowercased()
        for system in ["gtdb", "silva", "ncbi"] where lower.contains(system) { return system }
        return "ncbi"
    }

    /// CAMI profiles from tools do not always nest exactly (a rank's percentages are normalised
    /// on their own): a clade exceeded by its children is a warning, not an error.
    private static func withNestingDiagnostics(_ table: ProfileTable) -> ProfileTable {
        table.flaggingCladesExceededByChildren(slack: 0.01) { count, first, _ in
            "\(count) clade(s) hold less than their sub-clades; first: children sum to \(NumberFormatting.shortest(first.childSum))"
        }
    }
}
