import Foundation
import ProfileModel

/// What `merge` did, printed as one line on standard error or, with `--json`, as JSON.
struct MergeSummary: Encodable {
    struct Skipped: Encodable {
        var file: String
        var error: String
    }

    var inputs: Int
    var imported = 0
    var skipped: [Skipped] = []
    /// Inputs per detected format id.
    var formats: [String: Int] = [:]
    var samples = 0
    var taxa = 0
    var nonZeros = 0
    var unit = ""
    var output = ""
    var outputFormat = ""
    var metadataUnknownIDs: [String]?
    var samplesWithoutMetadata: [String]?
    var seconds = 0.0

    init(inputs: Int) {
        self.inputs = inputs
    }

    mutating func finish(_ table: ProfileTable, output: String, format: String, metadata: SampleMetadataJoinReport?,
                         seconds: Double) {
        samples = table.samples.count
        taxa = table.taxa.count
        nonZeros = table.abundances.nonZeroCount
        unit = table.unit.description
        self.output = output
        outputFormat = format
        metadataUnknownIDs = metadata?.unknownIDs
        samplesWithoutMetadata = metadata?.samplesWithoutMetadata
        self.seconds = (seconds * 1000).rounded() / 1000
    }

    /// `merged 1000 of 1000 inputs (kraken2-report 1000) into 1000 samples × 2417 taxa (counts) in cohort.biom, 2.1 s`.
    var line: String {
        let byFormat = formats.keys.sorted().map { "\($0) \(formats[$0]!)" }.joined(separator: ", ")
        let skippedPart = skipped.isEmpty ? "" : "; skipped \(skipped.count)"
        return "merged \(imported) of \(inputs) inputs (\(byFormat))\(skippedPart) into \(samples) samples × \(taxa) taxa (\(unit)) in \(output), \(String(format: "%.1f", seconds)) s"
    }
}
