import FormatKit
import ProfileModel
import TabularKit

/// The MetaPhlAn-style ("mpa") layout of Kraken and Bracken reports, written by KrakenTools'
/// `kreport2mpa.py` (and Bracken's copy of it), and merged by `combine_mpa.py`.
///
/// Spec: https://github.com/jenniferlu717/KrakenTools#kreport2mpapy. Versions: KrakenTools 1.x,
/// Bracken 2.x. One row per clade: the lineage as rank-prefixed levels joined by `|` and the
/// clade's read count; `--intermediate-ranks` adds `r_root` and `x_` levels without a standard
/// rank; `combine_mpa.py` writes a `#Classification` header and one count column per sample.
/// A real file (Bracken's sample output, shortened):
/// ```
/// d_Bacteria	25808392
/// d_Bacteria|p_Proteobacteria	10903399
/// d_Bacteria|p_Proteobacteria|c_Gammaproteobacteria	5950178
/// ```
/// The table is clade-cumulative read counts; the layout has no tax ids and no unclassified
/// row (kreport2mpa drops it), so a sample's total is its classified reads. Import only.
public struct KrakenMPAFormat: ProfileImporter {
    public init() {}

    public let format = FormatDescription(
        id: "kraken-mpa", name: "Kraken/Bracken mpa report",
        summary: "kreport2mpa.py / Bracken output in MetaPhlAn-style lineages with clade read counts, one or more samples.",
        versions: ["KrakenTools 1.x", "Bracken 2.x"], extensions: ["mpa", "mpa.txt", "txt"],
        specURL: "https://github.com/jenniferlu717/KrakenTools#kreport2mpapy",
        canImport: true, canExport: false)

    public func detect(_ prefix: InputPrefix) -> Detection {
        var rows = 0
        var singleUnderscore = false
        for line in prefix.lines where !line.allSatisfy(\.isWhitespace) {
            if rows == 0, line.hasPrefix("#") {
                guard line.hasPrefix("#Classification") else { return .noMatch }
                continue
            }
            let fields = TextCells.tabFields(line)
            guard fields.count >= 2, LineageParser.looksLikeMPAClade(fields[0]),
                  fields.dropFirst().allSatisfy({ Double($0) != nil && !$0.contains(".") }) else { return .noMatch }
            if let first = fields[0].first, fields[0].dropFirst().first == "_", fields[0].dropFirst(2).first != "_",
               first.isLetter { singleUnderscore = true }
            rows += 1
        }
        guard rows > 0 else { return .noMatch }
        if singleUnderscore {
            return .match(confidence: 0.9, reason: "mpa lineages with kreport2mpa's single-underscore prefixes (d_, p_, …) and integer read counts")
        }
        return .match(confidence: 0.7, reason: "mpa lineages with integer read counts and no MetaPhlAn header, as kreport2mpa writes them")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var lines = try input.lines()
        var builder = ProfileTableBuilder(unit: .counts, structure: .cladeCumulative,
                                          provenance: Provenance(source: [.pipeline: "kreport2mpa"]))
        var sampleCount: Int?
        while let text = try lines.nextString() {
            let at = input.location(line: lines.lineNumber)
            if text.allSatisfy(\.isWhitespace) { continue }
            let fields = TextCells.tabFields(text).map(String.init)
            if sampleCount == nil, text.hasPrefix("#") {
                do {
                    for id in fields.dropFirst() { try builder.addSample(Sample(id: id)) }
                } catch { throw ImportError(error, at: at) }
                sampleCount = fields.count - 1
                continue
            }
            if sampleCount == nil {
                sampleCount = fields.count - 1
                do { try builder.addSample(Sample(id: input.singleSampleID(options))) } catch { throw ImportError(error, at: at) }
                guard sampleCount == 1 else {
                    throw .shapeMismatch(at, reason: "\(fields.count - 1) count columns without a #Classification header naming the samples")
                }
            }
            guard fields.count == (sampleCount ?? 0) + 1 else {
                throw .shapeMismatch(at, reason: "\(fields.count) fields where the header gives \((sampleCount ?? 0) + 1)")
            }
            guard let lineage = LineageParser.parseMPAClade(fields[0]) else {
                throw .invalidValue(at, value: fields[0], reason: "is not an mpa lineage of rank-prefixed levels joined by '|'")
            }
            var values: [Double] = []
            for (column, cell) in fields.enumerated().dropFirst() {
                guard let value = Double(cell) else {
                    throw .invalidValue(input.location(line: lines.lineNumber, column: column + 1), value: cell, reason: "is not a read count")
                }
                values.append(value)
            }
            do {
                let taxon = try builder.addTaxon(Taxon(id: fields[0], label: fields[0], lineage: lineage))
                for (sample, value) in values.enumerated() { try builder.setValue(value, sample: sample, taxon: taxon) }
            } catch {
                throw ImportError(error, at: at)
            }
        }
        guard builder.taxonCount > 0 else { throw .emptyInput(input.location()) }
        do { return try builder.build() } catch { throw ImportError(error, at: input.location()) }
    }
}
