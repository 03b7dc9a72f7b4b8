import FormatKit
import ProfileModel

/// What `convert` did, as `convert --json` prints it: the formats on either side, the table as
/// written, what the output could not carry, and what the import found.
struct ConvertSummary: Encodable {
    var input: String
    var inputFormat: String
    var output: String
    var outputFormat: String
    var samples: Int
    var taxa: Int
    var nonZeros: Int
    var unit: String
    var structure: String
    /// What the output format could not carry (also printed as warnings, or refused by `--strict`).
    var losses: [DeclaredLoss]
    /// The import's findings.
    var diagnostics: [Diagnostic]

    init(input: String, imported: ImportedTable, output: String, exported: ExportReport, format: FormatDescription) {
        self.input = input
        inputFormat = imported.format.id
        self.output = output
        outputFormat = format.id
        let table = exported.table
        samples = table.samples.count
        taxa = table.taxa.count
        nonZeros = table.abundances.nonZeroCount
        unit = table.unit.description
        structure = table.structure.rawValue
        losses = exported.losses
        diagnostics = imported.table.diagnostics
    }
}
