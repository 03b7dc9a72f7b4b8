import FormatKit

/// Detection of headerless layouts, which only their rows identify.
enum HeaderlessRows {
    /// A match when every line of the prefix is a row; a capped match when a few are not (so a
    /// broken file still goes to its own reader, which names the bad line, instead of to a
    /// generic table importer); no match when rows are not the clear majority.
    static func verdict(rows: Int, lines: Int, confidence: Double, reason: String) -> Detection {
        guard rows > 0, rows * 10 >= lines * 9 else { return .noMatch }
        guard rows < lines else { return .match(confidence: confidence, reason: reason) }
        return .match(confidence: min(confidence, 0.6), reason: "\(reason); \(lines - rows) line(s) are not such rows")
    }
}
