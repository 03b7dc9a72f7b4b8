import FormatKit
import ProfileModel
import TabularKit

/// Reads the rows of one distance label of a mothur `.shared` file into a builder.
struct MothurSharedReader {
    let input: ImportInput
    /// The label `--option label=` asks for; `nil` takes the file's first label.
    let wantedLabel: String?

    private var otuNames: [String] = []
    private var chosenLabel: String?
    private var labelsSeen: [String] = []
    private var taxonCount = 0

    init(input: ImportInput, wantedLabel: String?) {
        self.input = input
        self.wantedLabel = wantedLabel
    }

    /// The builder holding the chosen label's groups and OTUs, not yet built.
    mutating func read() throws(ImportError) -> ProfileTableBuilder {
        var records = try RecordReader(input: input, dialect: TableDialect(delimiter: MothurShared.tab, quote: nil))
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
        var sawHeader = false
        while let record = try records.next() {
            if record.isBlank { continue }
            if isHeader(record) {
                otuNames = (3..<Self.fieldCount(of: record)).map { record.trimmed($0) }
                sawHeader = true
                continue
            }
            guard sawHeader else {
                throw .missingField(input.location(line: record.line), field: "the header (label, Group, numOtus, OTU names)")
            }
            try consume(record, into: &builder)
        }
        guard sawHeader else { throw .emptyInput(input.location()) }
        guard let chosenLabel else {
            if let wantedLabel {
                throw .invalidValue(input.location(), value: wantedLabel,
                                    reason: "is not a label of this file (it has \(labelsSeen.joined(separator: ", ")))")
            }
            throw .emptyInput(input.location())
        }
        record(label: chosenLabel, into: &builder)
        return builder
    }

    private func isHeader(_ record: TableRecord) -> Bool {
        record.count >= 3 && (0..<3).map { HeaderCells.normalized(record.string($0)) } == MothurSharedFormat.headerStart
    }

    /// Adds one row's group and counts when it belongs to the chosen label.
    private mutating func consume(_ record: TableRecord, into builder: inout ProfileTableBuilder) throws(ImportError) {
        guard record.count >= 3 else { throw shape(record, "a row needs label, Group and numOtus") }
        let label = record.trimmed(0)
        if !labelsSeen.contains(label) { labelsSeen.append(label) }
        if chosenLabel == nil, wantedLabel == nil || wantedLabel == label { chosenLabel = label }
        guard label == chosenLabel else { return }

        let countText = record.trimmed(2)
        guard let otuCount = Int(countText), otuCount >= 0 else {
            let position = record.position(ofField: 2)
            throw .invalidValue(input.location(line: position.line, column: position.column), value: countText,
                                reason: "is not a number of OTUs")
        }
        guard Self.fieldCount(of: record) == 3 + otuCount else {
            throw shape(record, "numOtus is \(otuCount) but the row has \(Self.fieldCount(of: record) - 3) count(s)")
        }
        guard otuCount <= otuNames.count else {
            throw shape(record, "numOtus is \(otuCount) but the header names only \(otuNames.count) OTU(s)")
        }
        if taxonCount == 0 {
            for name in otuNames.prefix(otuCount) {
                do { _ = try builder.addTaxon(Taxon(id: name, label: name)) } catch {
                    throw ImportError(error, at: input.location(line: record.line))
                }
            }
            taxonCount = otuCount
        } else if otuCount != taxonCount {
            throw shape(record, "numOtus is \(otuCount) but earlier rows of label \(label) have \(taxonCount)")
        }

        let sample: Int
        do { sample = try builder.addSample(Sample(id: record.trimmed(1))) } catch {
            throw ImportError(error, at: input.location(line: record.line, column: record.position(ofField: 1).column))
        }
        for otu in 0..<otuCount {
            let field = 3 + otu
            switch NumberCells.read(record.field(field), decimalMark: UInt8(ascii: "."), missing: []) {
            case .number(let value, percentSign: false):
                guard value != 0 else { continue }
                do { try builder.setValue(value, sample: sample, taxon: otu) } catch {
                    throw ImportError(error, at: input.location(line: record.line, column: record.position(ofField: field).column))
                }
            case .number, .missing, .invalid:
                let position = record.position(ofField: field)
                throw .invalidValue(input.location(line: position.line, column: position.column),
                                    value: record.trimmed(field), reason: "is not a count")
            }
        }
    }

    /// The number of fields, not counting the empty one after the trailing tab mothur writes.
    private static func fieldCount(of record: TableRecord) -> Int {
        record.count > 3 && record.trimmed(record.count - 1).isEmpty ? record.count - 1 : record.count
    }

    private func shape(_ record: TableRecord, _ reason: String) -> ImportError {
        .shapeMismatch(input.location(line: record.line), reason: reason)
    }

    /// The one place the plugin writes provenance: which label was read, and which were not.
    private func record(label: String, into builder: inout ProfileTableBuilder) {
        builder.provenance.source[.attribute("mothur-label")] = label
        let others = labelsSeen.filter { $0 != label }
        guard wantedLabel == nil, !others.isEmpty else { return }
        builder.addDiagnostic(Diagnostic(
            .subsetChosen,
            message: "read distance label \(label), the file's first; it also holds \(others.count) other label(s) (\(others.prefix(5).joined(separator: ", "))\(others.count > 5 ? ", …" : "")): pass --option label=L to choose"))
    }
}
