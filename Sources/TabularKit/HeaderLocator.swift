import FormatKit

/// Finds the dialect and the header line of a table before the streaming pass, from the
/// input's prefix lines (or from a detector's findings, when they apply to the layout).
enum HeaderLocator {
    /// The dialect in force and the 1-based line of the header (for a table without a header,
    /// the last skipped line, and the number of fields its rows have).
    struct Located {
        var dialect: TableDialect
        var headerLine: Int
        var fieldCount: Int
    }

    static func locate(_ input: ImportInput, layout: TableLayout, findings: TableFindings? = nil) throws(ImportError) -> Located {
        let all = SampledLines.of(try input.prefix(), fallback: input.encoding == nil)
        let lines = Array(all.dropFirst(layout.skipLines))
        guard lines.contains(where: { $0.contains { $0 != 0x20 && $0 != 0x09 } }) else {
            throw .emptyInput(input.location())
        }
        if let findings, findings.apply(to: layout) {
            return Located(dialect: findings.dialect, headerLine: findings.headerIndex + 1, fieldCount: 0)
        }
        let sniffed = DialectSniffer.sniff(lines, settings: layout.dialect)
        let dialect: TableDialect
        if let sniffed {
            dialect = sniffed.dialect
        } else if let delimiter = layout.dialect.delimiter {
            dialect = TableDialect(delimiter: delimiter, decimalMark: layout.dialect.decimalMark ?? UInt8(ascii: "."),
                                   quote: layout.dialect.effectiveQuote)
        } else {
            throw .syntax(input.location(line: layout.skipLines + 1),
                          reason: "no delimiter (tab, comma, semicolon or pipe) splits the lines into columns")
        }
        switch layout.header {
        case .absent:
            return Located(dialect: dialect, headerLine: layout.skipLines, fieldCount: sniffed?.fieldCount ?? 1)
        case .sniffed:
            let index = sniffed?.headerIndex ?? lines.firstIndex { !$0.isEmpty } ?? 0
            return Located(dialect: dialect, headerLine: layout.skipLines + index + 1, fieldCount: 0)
        case .containing(let cells):
            let wanted = cells.map(HeaderCells.normalized)
            var bestMissing = wanted
            for (index, line) in lines.enumerated() {
                let split = FieldSplitting.split(line, delimiter: dialect.delimiter, quote: dialect.quote)
                let present = Set(split.fields.map { HeaderCells.normalized(String(decoding: $0, as: UTF8.self)) })
                let missing = wanted.filter { !present.contains($0) }
                if missing.isEmpty { return Located(dialect: dialect, headerLine: layout.skipLines + index + 1, fieldCount: 0) }
                if missing.count < bestMissing.count { bestMissing = missing }
            }
            throw .missingField(input.location(line: layout.skipLines + 1),
                                field: "header with column(s) \(bestMissing.joined(separator: ", ")) (not found in the first \(all.count) lines)")
        }
    }
}

/// How header cells are compared: trimmed, case-insensitive.
public enum HeaderCells {
    /// The comparison form of a header cell.
    public static func normalized(_ cell: String) -> String {
        TextCells.trim(cell).lowercased()
    }
}
