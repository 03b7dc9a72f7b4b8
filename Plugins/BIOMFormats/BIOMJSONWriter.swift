import FormatKit
import Foundation
import ProfileModel
import StreamingJSON

/// Writes a ``ProfileTable`` as a BIOM 1.0 JSON document, streaming through ``JSONWriter``.
///
/// The header comes first, then `rows`, `columns` and `data`, each element on its own line
/// so that files diff well and errors point at a line. Values are written as integers when
/// every value is integral (`matrix_element_type` `int`), otherwise as floating-point
/// numbers that always show a fraction (`float`), as biom-format's validator requires.
struct BIOMJSONWriter {
    let plan: BIOMExportPlan
    let dense: Bool
    private var table: ProfileTable { plan.table }

    func write(to sink: inout OutputSink) throws(ExportError) {
        let header = plan.header
        let integral = table.abundances.values.allSatisfy { $0 == $0.rounded() && $0 < 9_007_199_254_740_992 }
        var json = JSONWriter()
        try json.beginObject(multiline: true, to: &sink)
        try member("id", header.tableID, &json, &sink)
        try member("format", "Biological Observation Matrix 1.0.0", &json, &sink)
        try member("format_url", BIOMHeader.formatURLValue, &json, &sink)
        try member("type", header.type, &json, &sink)
        try member("generated_by", header.generatedBy, &json, &sink)
        try member("date", header.created, &json, &sink)
        try member("matrix_type", dense ? "dense" : "sparse", &json, &sink)
        try member("matrix_element_type", integral ? "int" : "float", &json, &sink)
        try json.key("shape", to: &sink)
        try json.beginArray(to: &sink)
        try json.integer(table.taxa.count, to: &sink)
        try json.integer(table.samples.count, to: &sink)
        try json.endArray(to: &sink)
        if let comment = header.comment { try member("comment", comment, &json, &sink) }
        for (key, value) in plan.extraEntries {
            try member(key, value, &json, &sink)
        }

        let observations = plan.observations
        try json.key("rows", to: &sink)
        try json.beginArray(multiline: true, to: &sink)
        for (index, taxon) in table.taxa.enumerated() {
            try axisEntry(taxon.id, observations.metadata(for: taxon, at: index, dropsEmptyTokens: false), &json, &sink)
        }
        try json.endArray(to: &sink)
        try json.key("columns", to: &sink)
        try json.beginArray(multiline: true, to: &sink)
        for sample in table.samples { try axisEntry(sample.id, sample.metadata, &json, &sink) }
        try json.endArray(to: &sink)

        try json.key("data", to: &sink)
        if dense {
            try writeDense(integral: integral, &json, &sink)
        } else {
            try writeSparse(integral: integral, &json, &sink)
        }
        try json.endObject(to: &sink)
    }

    private func member(_ key: String, _ value: String?, _ json: inout JSONWriter, _ sink: inout OutputSink) throws(ExportError) {
        try json.key(key, to: &sink)
        if let value { try json.string(value, to: &sink) } else { try json.null(to: &sink) }
    }

    /// `{"id": …, "metadata": …}` on one line; empty metadata is `null`.
    private func axisEntry(_ id: String, _ metadata: [String: MetadataValue],
                           _ json: inout JSONWriter, _ sink: inout OutputSink) throws(ExportError) {
        try json.beginObject(to: &sink)
        try json.key("id", to: &sink)
        try json.string(id, to: &sink)
        try json.key("metadata", to: &sink)
        if metadata.isEmpty { try json.null(to: &sink) } else { try Self.write(.object(metadata), &json, &sink) }
        try json.endObject(to: &sink)
    }

    /// `[row, column, value]` triplets, sample by sample, one per line: the bulk of the file,
    /// millions of lines. Runs of samples holding about 1 MiB of lines are formatted on every
    /// core, a few runs at a time, and written in order, so the bytes do not depend on the
    /// number of cores.
    private func writeSparse(integral: Bool, _ json: inout JSONWriter, _ sink: inout OutputSink) throws(ExportError) {
        let abundances = table.abundances
        let layout = LineLayout(json)
        let runs = Self.sampleRuns(abundances, entriesPerRun: 1 << 15)
        let runsPerRound = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        try json.encodedValue(to: &sink) { (sink: inout OutputSink) throws(ExportError) in
            try sink.write([UInt8(ascii: "[")])
            var round = 0
            while round < runs.count {
                let batch = Array(runs[round..<min(round + runsPerRound, runs.count)])
                let startsArray = round == 0
                let formatted = OrderedParallelMap.map(batch.count) { index in
                    Self.triplets(of: abundances, samples: batch[index], integral: integral,
                                  layout: layout, first: startsArray && index == 0)
                }
                for bytes in formatted { try sink.write(bytes) }
                round += batch.count
            }
            try sink.write((abundances.nonZeroCount > 0 ? layout.closingBreak : []) + [UInt8(ascii: "]")])
        }
    }

    /// Consecutive ranges of samples holding about `entriesPerRun` entries each.
    private static func sampleRuns(_ abundances: SparseAbundances, entriesPerRun: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        var entries = 0
        for sample in 0..<abundances.sampleCount {
            entries += abundances.range(ofSample: sample).count
            if entries >= entriesPerRun {
                runs.append(start..<(sample + 1))
                start = sample + 1
                entries = 0
            }
        }
        if start < abundances.sampleCount { runs.append(start..<abundances.sampleCount) }
        return runs
    }

    /// The lines of the entries of `samples`, each line preceded by its break (and by a
    /// comma, except the array's very first line when `first`).
    private static func triplets(of abundances: SparseAbundances, samples: Range<Int>, integral: Bool,
                                 layout: LineLayout, first: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        var entryCount = 0
        for sample in samples { entryCount += abundances.range(ofSample: sample).count }
        bytes.reserveCapacity(entryCount * (layout.elementBreak.count + 32))
        var needsComma = !first
        // Read through buffer pointers: the arrays are shared by the threads, and retaining
        // them once per entry from every core costs more than formatting.
        abundances.taxonIndices.withUnsafeBufferPointer { taxonIndices in
            abundances.values.withUnsafeBufferPointer { values in
                layout.elementBreak.withUnsafeBufferPointer { elementBreak in
                    for sample in samples {
                        for entry in abundances.range(ofSample: sample) {
                            if needsComma { bytes.append(UInt8(ascii: ",")) }
                            needsComma = true
                            bytes.append(contentsOf: elementBreak)
                            bytes.append(UInt8(ascii: "["))
                            NumberFormatting.appendDecimal(UInt64(taxonIndices[entry]), to: &bytes)
                            bytes.append(UInt8(ascii: ","))
                            NumberFormatting.appendDecimal(UInt64(sample), to: &bytes)
                            bytes.append(UInt8(ascii: ","))
                            appendValue(values[entry], integral: integral, to: &bytes)
                            bytes.append(UInt8(ascii: "]"))
                        }
                    }
                }
            }
        }
        return bytes
    }

    /// The line breaks of an array value written one element per line, in the layout
    /// ``JSONWriter`` gives multi-line arrays.
    private struct LineLayout: Sendable {
        let elementBreak: [UInt8]
        let closingBreak: [UInt8]

        /// The breaks for an array about to be written as the next value of `json`.
        init(_ json: borrowing JSONWriter) {
            elementBreak = [0x0A] + Array(repeating: UInt8(ascii: " "), count: (json.depth + 1) * json.indent)
            closingBreak = [0x0A] + Array(repeating: UInt8(ascii: " "), count: json.depth * json.indent)
        }
    }

    /// One array per observation with a value for every sample.
    private func writeDense(integral: Bool, _ json: inout JSONWriter, _ sink: inout OutputSink) throws(ExportError) {
        var rows = [[Double]](repeating: [], count: table.taxa.count)
        for row in rows.indices { rows[row] = Array(repeating: 0, count: table.samples.count) }
        for sample in 0..<table.abundances.sampleCount {
            for (taxon, amount) in table.abundances.entries(ofSample: sample) { rows[taxon][sample] = amount }
        }
        var lines = LineChunks(json)
        try json.encodedValue(to: &sink) { (sink: inout OutputSink) throws(ExportError) in
            for row in rows {
                lines.startLine()
                lines.chunk.append(UInt8(ascii: "["))
                for (column, amount) in row.enumerated() {
                    if column > 0 { lines.chunk.append(UInt8(ascii: ",")) }
                    Self.appendValue(amount, integral: integral, to: &lines.chunk)
                }
                lines.chunk.append(UInt8(ascii: "]"))
                try lines.handOver(to: &sink)
            }
            try lines.finish(to: &sink)
        }
    }

    /// An array value written one element per line, in the layout ``JSONWriter`` gives
    /// multi-line arrays, and handed to the sink in chunks of about 1 MiB.
    private struct LineChunks {
        var chunk: [UInt8] = [UInt8(ascii: "[")]
        private let layout: LineLayout
        private var lines = 0

        /// Chunks for an array about to be written as the next value of `json`.
        init(_ json: borrowing JSONWriter) {
            layout = LineLayout(json)
            chunk.reserveCapacity((1 << 20) + (1 << 16))
        }

        /// Starts an element's line; the caller appends the element to ``chunk``.
        mutating func startLine() {
            if lines > 0 { chunk.append(UInt8(ascii: ",")) }
            chunk += layout.elementBreak
            lines += 1
        }

        /// Writes the chunk out once it is full.
        mutating func handOver(to sink: inout OutputSink) throws(ExportError) {
            guard chunk.count >= 1 << 20 else { return }
            try sink.write(chunk)
            chunk.removeAll(keepingCapacity: true)
        }

        /// Closes the array and writes the rest.
        mutating func finish(to sink: inout OutputSink) throws(ExportError) {
            if lines > 0 { chunk += layout.closingBreak }
            chunk.append(UInt8(ascii: "]"))
            try sink.write(chunk)
        }
    }

    /// A value as `int` (`12`) or `float` (`12.0`, `0.25`) JSON text: the shortest text that
    /// reads back to the same `Double`, always with a fraction or exponent for `float`.
    private static func appendValue(_ amount: Double, integral: Bool, to bytes: inout [UInt8]) {
        if amount == amount.rounded(), amount >= 0, amount < 9_007_199_254_740_992 {
            NumberFormatting.appendDecimal(UInt64(amount), to: &bytes)
            if !integral {
                bytes.append(UInt8(ascii: "."))
                bytes.append(UInt8(ascii: "0"))
            }
        } else {
            bytes += NumberFormatting.shortest(amount).utf8
        }
    }

    /// Metadata as JSON: dates as strings, numbers that are not integers always with a fraction.
    static func write(_ value: MetadataValue, _ json: inout JSONWriter, _ sink: inout OutputSink) throws(ExportError) {
        switch value {
        case .string(let text), .date(let text): try json.string(text, to: &sink)
        case .integer(let number): try json.integer(number, to: &sink)
        case .number(let number): try json.number(number, style: .fractional, to: &sink)
        case .bool(let flag): try json.bool(flag, to: &sink)
        case .null: try json.null(to: &sink)
        case .list(let items):
            try json.beginArray(to: &sink)
            for item in items { try write(item, &json, &sink) }
            try json.endArray(to: &sink)
        case .object(let members):
            try json.beginObject(to: &sink)
            for key in JSONWriter.sortedKeys(members.keys) {
                try json.key(key, to: &sink)
                try write(members[key]!, &json, &sink)
            }
            try json.endObject(to: &sink)
        }
    }
}
