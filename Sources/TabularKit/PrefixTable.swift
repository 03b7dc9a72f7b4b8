import FormatKit

/// The start of a delimited table as detectors see it: the sniffed dialect, the header cells
/// and the first data rows, all from the bounded input prefix.
public struct PrefixTable: Sendable {
    public let dialect: TableDialect
    /// Header cells, trimmed.
    public let header: [String]
    /// Up to 50 data rows, cells trimmed; blank lines left out.
    public let rows: [[String]]
    /// The dialect and header line, for the reader (``TableImporter/read(_:options:findings:)``).
    public let findings: TableFindings

    /// The table `prefix`'s lines hold with these settings, sniffed once per prefix however many
    /// detectors ask; `nil` when no delimiter splits the lines into columns.
    public static func of(_ prefix: InputPrefix, settings: DialectSettings = DialectSettings()) -> PrefixTable? {
        prefix.derived(Key(settings: settings)) { PrefixTable(sniffing: prefix, settings: settings) }
    }

    /// What a sniffed table is filed under among a prefix's derived values.
    private struct Key: Hashable, Sendable {
        var settings: DialectSettings
    }

    /// Sniffs `prefix`'s lines, as the reader will read them; `nil` when no delimiter splits them
    /// into columns, or when the prefix is binary data (``FormatKit/InputPrefix/looksBinary``).
    private init?(sniffing prefix: InputPrefix, settings: DialectSettings) {
        if prefix.looksBinary { return nil }
        let lines = SampledLines.of(prefix)
        guard let sniffed = DialectSniffer.sniff(lines, settings: settings) else { return nil }
        func cells(_ line: [UInt8]) -> [String] {
            FieldSplitting.split(line, delimiter: sniffed.dialect.delimiter, quote: sniffed.dialect.quote).fields
                .map { TextCells.trim(String(decoding: $0, as: UTF8.self)) }
        }
        dialect = sniffed.dialect
        findings = TableFindings(settings: settings, sniffed: sniffed)
        header = cells(lines[sniffed.headerIndex])
        normalizedHeader = header.map(HeaderCells.normalized)
        rows = lines[(sniffed.headerIndex + 1)...].lazy
            .filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
            .prefix(50).map(cells)
    }

    /// The normalized header cells (trimmed, lower case), worked out once: detectors look a
    /// column up per column, and a header of 100,000 cells made that quadratic (minutes).
    public let normalizedHeader: [String]

    /// Whether the header has one of `names` (compared normalized).
    public func hasColumn(_ names: [String]) -> Bool {
        let present = Set(normalizedHeader)
        return names.contains { present.contains(HeaderCells.normalized($0)) }
    }

    /// The indices of columns whose data cells are all numbers or empty (at least one number).
    public func numericColumns() -> [Int] {
        guard !rows.isEmpty else { return [] }
        return header.indices.filter { column in
            var sawNumber = false
            for row in rows where column < row.count {
                switch NumberCells.read(Array(row[column].utf8)[...], decimalMark: dialect.decimalMark) {
                case .number: sawNumber = true
                case .missing: continue
                case .invalid: return false
                }
            }
            return sawNumber
        }
    }
}
