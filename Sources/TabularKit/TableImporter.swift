import Foundation
import FormatKit
import ProfileModel

/// Reads a delimited table into a ``ProfileTable`` following a ``TableLayout``, one record
/// at a time: rows go straight into the builder, so memory grows with the non-zero values,
/// not with the file. Records are read and split on a thread of their own (``RecordPipeline``).
public struct TableImporter: Sendable {
    public let layout: TableLayout

    public init(layout: TableLayout) {
        self.layout = layout
    }

    /// Reads `input`. Options override the layout's unit and give the sample id of single-sample
    /// files; `findings` are what a detector sniffed from the same prefix (used when they apply
    /// to this layout, so the lines are not sniffed twice).
    public func read(_ input: ImportInput, options: ImportOptions, findings: TableFindings? = nil) throws(ImportError) -> ProfileTable {
        let source = input.encoding == nil && layout.encoding != nil ? input.with(encoding: layout.encoding) : input
        let located = try HeaderLocator.locate(source, layout: layout, findings: source.encoding == input.encoding ? findings : nil)
        var reader = try RecordReader(input: source, dialect: located.dialect)
        var preamble: [[UInt8]] = []
        let header: TableRecord
        if layout.header == .absent {
            while preamble.count < located.headerLine, let (_, text) = try reader.nextLine() { preamble.append(text) }
            header = TableRecord.unnamedHeader(fieldCount: located.fieldCount, line: located.headerLine)
        } else {
            while preamble.count < located.headerLine - 1, let (_, text) = try reader.nextLine() { preamble.append(text) }
            guard let record = try reader.next() else { throw .emptyInput(input.location()) }
            header = record
        }
        var session = try TableReadSession(layout: layout, input: input, options: options,
                                      dialect: located.dialect, header: header,
                                      preamble: PreambleValues(lines: preamble, layout: layout, dialect: located.dialect))
        let records = RecordPipeline(reader: reader)
        defer { records.stop() }
        while let record = try records.next() {
            try session.consume(record)
        }
        let companion = try input.companions[TaxonomyCompanion.role].map { companion throws(ImportError) in
            try TaxonomyCompanion.read(companion)
        }
        return try session.finish(windows1252Line: records.firstWindows1252Line, taxonomy: companion)
    }
}
