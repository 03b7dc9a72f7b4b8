import FormatKit
import ProfileModel

/// Writes delimited rows: quotes fields that need it (RFC 4180) and prints numbers the
/// shortest way that reads back to the same value.
public struct DelimitedRowWriter {
    public let delimiter: UInt8
    private var line: [UInt8] = []
    /// `delimiter 0` repeated, copied from in one piece for runs of zero cells.
    private let zeroCells: [UInt8]
    private static let zeroCellsPerCopy = 4096

    public init(delimiter: UInt8) {
        self.delimiter = delimiter
        line.reserveCapacity(1 << 16)
        zeroCells = Array(repeating: [delimiter, 0x30], count: Self.zeroCellsPerCopy).flatMap { $0 }
    }

    /// Appends a text field, quoted when it holds the delimiter, a quote or a line break.
    public mutating func text(_ value: String) {
        if !line.isEmpty { line.append(delimiter) }
        let bytes = Array(value.utf8)
        let needsQuotes = bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || (bytes.first.map { $0 == 0x20 } ?? false) || (bytes.last.map { $0 == 0x20 } ?? false)
        guard needsQuotes else {
            line += bytes
            return
        }
        line.append(0x22)
        for byte in bytes {
            if byte == 0x22 { line.append(0x22) }
            line.append(byte)
        }
        line.append(0x22)
    }

    /// Appends a number field (`0` for zero, integers without a decimal point), as
    /// ``NumberFormatting/shortest(_:)`` writes it.
    public mutating func number(_ value: Double) {
        if !line.isEmpty { line.append(delimiter) }
        if value == 0 {
            line.append(0x30)
        } else if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 {
            if value < 0 { line.append(UInt8(ascii: "-")) }
            NumberFormatting.appendDecimal(UInt64(value.magnitude), to: &line)
        } else {
            line += Array(NumberFormatting.shortest(value).utf8)
        }
    }

    /// Appends `count` zero fields.
    public mutating func zeros(_ count: Int) {
        var remaining = count
        if remaining > 0, line.isEmpty {
            line.append(0x30)
            remaining -= 1
        }
        while remaining > 0 {
            let cells = min(remaining, Self.zeroCellsPerCopy)
            line.append(contentsOf: zeroCells[0..<(2 * cells)])
            remaining -= cells
        }
    }

    /// Ends the row with `\n` and writes it to `sink`.
    public mutating func endRow(to sink: inout OutputSink) throws(ExportError) {
        line.append(0x0A)
        try sink.write(line)
        line.removeAll(keepingCapacity: true)
    }

    /// Ends the row with `\n` and appends it to `bytes`.
    public mutating func endRow(appendingTo bytes: inout [UInt8]) {
        line.append(0x0A)
        bytes += line
        line.removeAll(keepingCapacity: true)
    }
}

/// The taxon annotation columns a table needs when written with one row per taxon.
public struct TaxonAnnotations: Sendable {
    /// An annotation column.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case label, taxonID, lineage
    }

    /// Whether any taxon has a lineage (written as a `taxonomy` column).
    public let hasLineage: Bool
    /// Whether any taxon has a taxon id (written as `taxon_id`).
    public let hasTaxonID: Bool
    /// Whether any taxon's label differs from its id (written as `label`).
    public let hasDistinctLabel: Bool

    public init(_ table: ProfileTable) {
        hasLineage = table.taxa.contains { !$0.lineage.isEmpty }
        hasTaxonID = table.taxa.contains { $0.taxonID != nil }
        hasDistinctLabel = table.taxa.contains { $0.label != $0.id }
    }

    /// The lineage as written: prefixed tokens joined by `"; "`, unranked entries bare.
    public static func lineageText(_ lineage: Lineage) -> String {
        LineageFormatter.prefixed(lineage)
    }
}

/// The non-zero entries of a table regrouped by taxon (a transpose of the sparse matrix),
/// for writers that print one row per taxon. Costs 12 bytes per non-zero entry.
public struct TaxonMajorEntries: Sendable {
    /// `starts[t] ..< starts[t + 1]` indexes taxon `t`'s entries.
    public let starts: [Int]
    /// Sample index of each entry, ascending within a taxon.
    public let samples: [Int32]
    public let values: [Double]

    public init(_ table: ProfileTable) {
        let abundances = table.abundances
        var starts = [Int](repeating: 0, count: table.taxa.count + 1)
        for taxon in abundances.taxonIndices { starts[Int(taxon) + 1] += 1 }
        for index in 0..<table.taxa.count { starts[index + 1] += starts[index] }
        var cursor = starts
        var samples = [Int32](repeating: 0, count: abundances.nonZeroCount)
        var values = [Double](repeating: 0, count: abundances.nonZeroCount)
        for sample in 0..<abundances.sampleCount {
            for entry in abundances.range(ofSample: sample) {
                let taxon = Int(abundances.taxonIndices[entry])
                samples[cursor[taxon]] = Int32(sample)
                values[cursor[taxon]] = abundances.values[entry]
                cursor[taxon] += 1
            }
        }
        self.starts = starts
        self.samples = samples
        self.values = values
    }
}
