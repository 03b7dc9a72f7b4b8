import FormatKit
import ProfileModel
import TabularKit

/// Centrifuge's own report (`centrifuge --report-file`, default `centrifuge_report.tsv`): one
/// row per taxon with the reads assigned to it, its unique reads and an abundance estimate.
///
/// Spec: https://ccb.jhu.edu/software/centrifuge/manual.shtml#centrifuge-summary-output-the-default-filename-is-centrifuge_report.tsv.
/// Versions: Centrifuge 1.x. A header, then tab-separated rows:
/// ```
/// name	taxID	taxRank	genomeSize	numReads	numUniqueReads	abundance
/// Escherichia coli	562	species	5231428	120	84	0.42
/// ```
/// Import gives a one-sample leaf table of `numReads` (the reads assigned to each taxon, at
/// whatever rank), tax ids in the `taxonomy-system` option's system, the rank as a one-level
/// lineage; `numUniqueReads`, `genomeSize` and `abundance` become taxon metadata. Import only.
public struct CentrifugeReportFormat: ProfileImporter {
    public init() {}

    static let header = ["name", "taxID", "taxRank", "genomeSize", "numReads", "numUniqueReads", "abundance"]

    public let format = FormatDescription(
        id: "centrifuge-report", name: "Centrifuge report",
        summary: "Centrifuge's summary report: reads, unique reads and abundance per taxon.",
        versions: ["1.x"], extensions: ["tsv", "txt"],
        specURL: "https://ccb.jhu.edu/software/centrifuge/manual.shtml",
        canImport: true, canExport: false, importOptions: [TaxonomySystemOption.option])

    public func detect(_ prefix: InputPrefix) -> Detection {
        guard let first = prefix.firstNonBlankLines(1).first,
              first.split(separator: "\t").map(String.init) == Self.header else { return .noMatch }
        return .match(confidence: 0.95, reason: "Centrifuge's report header (name, taxID, taxRank, genomeSize, numReads, numUniqueReads, abundance)")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let system = try TaxonomySystemOption.read(options, format: format.id, input: input)
        var lines = try input.lines()
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves,
                                          provenance: Provenance(source: [.taxonomySystem: system, .pipeline: "centrifuge"]))
        var sawHeader = false
        do { try builder.addSample(Sample(id: input.singleSampleID(options))) } catch { throw ImportError(error, at: input.location()) }
        while let text = try lines.nextString() {
            let at = input.location(line: lines.lineNumber)
            if text.allSatisfy(\.isWhitespace) { continue }
            let fields = TextCells.tabFields(text).map(String.init)
            guard sawHeader else {
                guard fields == Self.header else { throw .missingField(at, field: "header (\(Self.header.joined(separator: ", ")))") }
                sawHeader = true
                continue
            }
            guard fields.count == Self.header.count else {
                throw .shapeMismatch(at, reason: "\(fields.count) fields where the header has \(Self.header.count)")
            }
            guard !fields[1].isEmpty, fields[1].allSatisfy(\.isNumber) else {
                throw .invalidValue(input.location(line: lines.lineNumber, column: 2), value: fields[1], reason: "is not a tax id")
            }
            guard let reads = Double(fields[4]) else {
                throw .invalidValue(input.location(line: lines.lineNumber, column: 5), value: fields[4], reason: "is not a read count")
            }
            let rank = Rank(name: fields[2]) ?? .unranked
            var metadata: [String: MetadataValue] = ["rank": .string(fields[2])]
            for (key, column) in [("genome-size", 3), ("unique-reads", 5), ("abundance", 6)] {
                metadata[key] = MetadataValue.inferred(from: fields[column])
            }
            let taxon = Taxon(id: fields[1], label: fields[0],
                              lineage: Lineage([LineageEntry(rank: rank, name: fields[0])]) ?? Lineage(),
                              taxonID: TaxonID(system: system, value: fields[1]), metadata: metadata)
            do { try builder.setValue(reads, sample: 0, taxon: try builder.addTaxon(taxon)) } catch { throw ImportError(error, at: at) }
        }
        guard sawHeader, builder.taxonCount > 0 else { throw .emptyInput(input.location()) }
        do { return try builder.build() } catch { throw ImportError(error, at: input.location()) }
    }
}
