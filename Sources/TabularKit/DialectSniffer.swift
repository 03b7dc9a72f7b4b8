/// Finds a table's delimiter, decimal mark and header line from the first lines of a file.
public enum DialectSniffer {
    /// What the sniffer found.
    public struct Result: Sendable, Hashable {
        public var dialect: TableDialect
        /// The 0-based index (among the lines given) of the header: the first line with the table's field count.
        public var headerIndex: Int
        /// The number of fields most lines have.
        public var fieldCount: Int
    }

    /// Sniffs `lines` (decoded, without terminators). Delimiters are scored by how many
    /// lines, from the first line that has the most common field count (at least two) on,
    /// share that count; on a tie the one covering more lines wins, then tab, `,`, `;`, `|`.
    /// Lines before the header are title or comment lines. Returns `nil` when no candidate
    /// splits the lines into at least two fields.
    public static func sniff(_ lines: [[UInt8]], settings: DialectSettings = DialectSettings()) -> Result? {
        let quote = settings.effectiveQuote
        let candidates = settings.delimiter.map { [$0] } ?? TableDialect.candidateDelimiters
        var best: (score: (Int, Int, Int), delimiter: UInt8, header: Int, mode: Int)?
        for (preference, delimiter) in candidates.enumerated() {
            let counts: [Int?] = lines.map { line in
                isBlank(line) ? nil : FieldSplitting.split(line, delimiter: delimiter, quote: quote).fields.count
            }
            guard let (mode, header) = modalCount(counts) else { continue }
            let body = counts[header...].compactMap { $0 }
            let matching = body.filter { $0 == mode }.count
            // Consistency in 5 % steps, so that one odd line does not decide between delimiters.
            let consistency = matching * 20 / max(body.count, 1)
            let score = (consistency, matching, -preference)
            if best == nil || score > best!.score { best = (score, delimiter, header, mode) }
        }
        guard let best else { return nil }
        // The decimal mark only of the delimiter that won: voting reads every cell.
        let decimal = settings.decimalMark ?? sniffDecimalMark(lines[(best.header + 1)...], delimiter: best.delimiter, quote: quote)
        return Result(dialect: TableDialect(delimiter: best.delimiter, decimalMark: decimal, quote: quote),
                      headerIndex: best.header, fieldCount: best.mode)
    }

    /// The most common field count of at least two (on a tie, the one that appears first) and the first line that has it.
    private static func modalCount(_ counts: [Int?]) -> (mode: Int, first: Int)? {
        var frequency: [Int: Int] = [:]
        var firstLine: [Int: Int] = [:]
        for (line, count) in counts.enumerated() {
            guard let count, count >= 2 else { continue }
            frequency[count, default: 0] += 1
            if firstLine[count] == nil { firstLine[count] = line }
        }
        guard let mode = frequency.max(by: { ($0.value, -firstLine[$0.key]!) < ($1.value, -firstLine[$1.key]!) })?.key else {
            return nil
        }
        return (mode, firstLine[mode]!)
    }

    private static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// Decisive cells enough to settle the decimal mark: a wide table's 200 sampled lines hold
    /// hundreds of thousands of cells, and the first thousand that vote are evidence enough.
    static let decisiveVotes = 1000

    /// `,` when more cells read as decimal-comma numbers (`0,5`, `1.234,5`) than as
    /// decimal-point numbers (`0.5`, `1,234.5`); `.` otherwise. A lone `1,234` or `1.234`
    /// is ambiguous and counts for neither. Voting stops after ``decisiveVotes`` votes.
    static func sniffDecimalMark(_ lines: ArraySlice<[UInt8]>, delimiter: UInt8, quote: UInt8?) -> UInt8 {
        let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")
        if delimiter == comma { return point }
        var commaVotes = 0, pointVotes = 0
        for line in lines.prefix(200) where commaVotes + pointVotes < decisiveVotes {
            for field in FieldSplitting.split(line, delimiter: delimiter, quote: quote).fields {
                let cell = NumberCells.trimSpaces(field)
                switch vote(cell) {
                case comma?: commaVotes += 1
                case point?: pointVotes += 1
                default: break
                }
            }
        }
        return commaVotes > pointVotes ? comma : point
    }

    /// Which decimal mark a numeric cell implies, if it implies one.
    private static func vote(_ cell: ArraySlice<UInt8>) -> UInt8? {
        var body = cell
        if body.last == UInt8(ascii: "%") { body = NumberCells.trimSpaces(body.dropLast()) }
        if body.first == UInt8(ascii: "-") || body.first == UInt8(ascii: "+") { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E }) else { return nil }
        guard let lastMark = body.lastIndex(where: { $0 == 0x2C || $0 == 0x2E }) else { return nil }
        let mark = body[lastMark]
        let other: UInt8 = mark == 0x2C ? 0x2E : 0x2C
        // Both marks present: the last one is the decimal mark (`1.234,5`, `1,234.5`).
        if body.contains(other) { return mark }
        let marks = body.filter { $0 == mark }.count
        if marks > 1 { return other }  // `1.234.567` groups thousands
        let integerPart = body[..<lastMark]
        let fraction = body.distance(from: lastMark, to: body.endIndex) - 1
        if fraction == 0 { return nil }
        if fraction != 3 || integerPart.isEmpty || integerPart.allSatisfy({ $0 == 0x30 }) || integerPart.count > 3 {
            return mark
        }
        return nil
    }
}
