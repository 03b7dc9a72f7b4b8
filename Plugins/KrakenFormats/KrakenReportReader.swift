import FormatKit
import ProfileModel
import TabularKit

/// Reads a Kraken-style report into a one-sample, clade-cumulative table of read counts.
///
/// Each row becomes a taxon whose lineage is the chain of rows above it by indentation, whose
/// id is the tax id (with the system from ``TaxonomySystemOption``), and whose value is the
/// clade's read count; the `unclassified` row stays as an explicit top-level row. Direct reads
/// are not stored: converting to leaves gives each clade's residual, which is what they are.
struct KrakenReportReader {
    let input: ImportInput
    let options: ImportOptions
    /// The layouts this writer produces.
    let layouts: [KrakenReportLayout]
    /// The pipeline name recorded in the provenance (`kraken2`, `bracken`, …).
    let pipeline: String
    /// The id of the plugin reading, for option errors.
    let formatID: String

    func read() throws(ImportError) -> ProfileTable {
        let system = try TaxonomySystemOption.read(options, format: formatID, input: input)
        var provenance = Provenance(source: [.taxonomySystem: system, .pipeline: pipeline])
        var lines = try input.lines()
        var layout: KrakenReportLayout?
        var rows: [(line: Int, row: KrakenReportRow)] = []
        while let text = try lines.nextString() {
            let line = Substring(text)
            if line.allSatisfy(\.isWhitespace) { continue }
            if line.hasPrefix("#") {
                Self.recordComment(line, in: &provenance)
                continue
            }
            if KrakenReportLayout.isKrakenUniqHeader(line), layouts.contains(.krakenUniq), rows.isEmpty {
                layout = .krakenUniq
                continue
            }
            let found = layout ?? layouts.first { $0 != .krakenUniq && $0.fieldCount == TextCells.tabFields(line).count }
            guard let found else {
                if layouts == [.krakenUniq] { throw .missingField(input.location(line: lines.lineNumber), field: "KrakenUniq column header (%, reads, taxReads, …)") }
                throw syntaxError(line: lines.lineNumber)
            }
            layout = found
            guard let row = found.parse(line) else { throw syntaxError(line: lines.lineNumber, layout: found) }
            if found != .krakenUniq, !KrakenReportTraits.isRankCode(row.rankCode) {
                throw .invalidValue(input.location(line: lines.lineNumber), value: row.rankCode,
                                    reason: "is not a Kraken rank code (U, R, D, K, P, C, O, F, G, S, a numbered sub-rank such as S1, or -)")
            }
            rows.append((lines.lineNumber, row))
        }
        guard !rows.isEmpty else { throw .emptyInput(input.location()) }
        return try build(rows, system: system, provenance: provenance)
    }

    private func build(_ rows: [(line: Int, row: KrakenReportRow)], system: String,
                       provenance: Provenance) throws(ImportError) -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .counts, structure: .cladeCumulative, provenance: provenance)
        let location = input.location()
        do { try builder.addSample(Sample(id: input.singleSampleID(options))) } catch { throw ImportError(error, at: location) }
        var ancestors: [(entry: LineageEntry, taxID: String)] = []
        for (line, row) in rows {
            let at = input.location(line: line)
            let taxon: Taxon
            if row.isUnclassified {
                taxon = Taxon.unclassified(label: row.name)
            } else {
                guard row.depth <= ancestors.count else {
                    throw .syntax(at, reason: "the name is indented \(row.depth) levels, deeper than the row above allows (\(ancestors.count))")
                }
                ancestors.removeLast(ancestors.count - row.depth)
                let entry = Self.entry(for: row, below: ancestors.map(\.entry))
                ancestors.append((entry, row.taxID))
                var made = Taxon(id: row.taxID, label: row.name, lineage: Lineage(ancestors.map(\.entry)) ?? Lineage(),
                                 taxonID: TaxonID(system: system, value: row.taxID),
                                 metadata: ["rank-code": .string(row.rankCode)])
                made.levelTaxonIDs = ancestors.map(\.taxID)
                taxon = made
            }
            do {
                let index = try builder.addTaxon(taxon)
                try builder.setValue(row.cladeReads, sample: 0, taxon: index)
            } catch {
                throw ImportError(error, at: at)
            }
        }
        try checkPercentages(rows, builder: &builder)
        do { return try builder.build() } catch { throw ImportError(error, at: location) }
    }

    /// The lineage level of a row: its rank from the code or word, `unranked` where the rank
    /// would break the order of the levels above it (a `strain` under a `subspecies`).
    private static func entry(for row: KrakenReportRow, below ancestors: [LineageEntry]) -> LineageEntry {
        let rank = RankCells.rank(row.rankCode) ?? .unranked
        let entry = LineageEntry(rank: rank, name: row.name)
        guard rank != .unranked, Lineage(ancestors + [entry]) == nil else { return entry }
        return LineageEntry(rank: .unranked, name: row.name)
    }

    /// Fails when the top-level percentages cannot come from one read total (they sum to over
    /// 100), and warns when a row's percentage disagrees with its reads over the report's total.
    private func checkPercentages(_ rows: [(line: Int, row: KrakenReportRow)],
                                  builder: inout ProfileTableBuilder) throws(ImportError) {
        let top = rows.filter { $0.row.depth == 0 }
        let percentSum = top.reduce(0) { $0 + $1.row.percent }
        if percentSum > 100.05 + 0.005 * Double(top.count) {
            throw .invalidValue(input.location(line: top.last?.line), value: NumberFormatting.shortest(percentSum),
                                reason: "is the sum of the top-level rows' percentages; one read total cannot give more than 100")
        }
        let total = top.reduce(0) { $0 + $1.row.cladeReads }
        guard total > 0 else { return }
        let off = rows.filter { abs($0.row.percent - 100 * $0.row.cladeReads / total) > 0.5 }
        if let first = off.first {
            builder.addDiagnostic(Diagnostic(
                .percentMismatch,
                message: "\(off.count) row(s) give a percentage that differs from their reads over the report's \(NumberFormatting.shortest(total)) reads by more than 0.5",
                taxon: first.row.taxID, location: input.location(line: first.line).description))
        }
    }

    /// Keeps KrakenUniq's `# KrakenUniq v1.0.2 DATE:… DB:…` facts.
    private static func recordComment(_ line: Substring, in provenance: inout Provenance) {
        let words = line.dropFirst().split(separator: " ")
        guard words.first == "KrakenUniq" else { return }
        if words.count > 1 { provenance.source[.pipelineVersion] = String(words[1].trimmingPrefix("v")) }
        for word in words where word.hasPrefix("DB:") { provenance.source[.database] = String(word.dropFirst(3)) }
    }

    private func syntaxError(line: Int, layout: KrakenReportLayout? = nil) -> ImportError {
        let counts = layouts.map { String($0.fieldCount) }.joined(separator: " or ")
        let detail = layout.map { "\($0.fieldCount) tab-separated fields of their types" } ?? "\(counts) tab-separated fields"
        return .syntax(input.location(line: line),
                       reason: "a report row needs \(detail) (percent, clade reads, direct reads, …, rank, tax id, name)")
    }
}
