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
