/// Splits one line of a delimited table into fields, honouring RFC 4180 quotes.
///
/// Used on whole records by ``RecordReader`` and on single prefix lines by the sniffer.
enum FieldSplitting {
    /// The result of splitting: unquoted field contents, the byte offset where each field
    /// starts in the line, and whether a quoted field is still open at the end of the line.
    struct Split {
        var fields: [ArraySlice<UInt8>]
        var starts: [Int]
        var openQuote: Bool
    }

    /// Splits `line`. Quoted fields lose their quotes and have `""` collapsed to `"`;
    /// a quote that does not open a field is kept as an ordinary character.
    static func split(_ line: [UInt8], delimiter: UInt8, quote: UInt8?) -> Split {
        guard let quote, line.contains(quote) else { return splitPlain(line, delimiter: delimiter) }
        var fields: [ArraySlice<UInt8>] = []
        var starts: [Int] = []
        var index = 0
        let count = line.count
        while true {
            starts.append(index)
            if index < count, line[index] == quote {
                var content: [UInt8] = []
                var cursor = index + 1
                var closed = false
                while cursor < count {
                    let byte = line[cursor]
                    if byte == quote {
                        if cursor + 1 < count, line[cursor + 1] == quote {
                            content.append(quote)
                            cursor += 2
                            continue
                        }
                        closed = true
                        cursor += 1
                        break
                    }
                    content.append(byte)
                    cursor += 1
                }
                guard closed else {
                    fields.append(content[...])
                    return Split(fields: fields, starts: starts, openQuote: true)
                }
                // Text between the closing quote and the delimiter is kept (lenient, as spreadsheets are).
                while cursor < count, line[cursor] != delimiter {
                    content.append(line[cursor])
                    cursor += 1
                }
                fields.append(content[...])
                if cursor >= count { break }
                index = cursor + 1
            } else {
                var cursor = index
                while cursor < count, line[cursor] != delimiter { cursor += 1 }
                fields.append(line[index..<cursor])
                if cursor >= count { break }
                index = cursor + 1
            }
        }
        return Split(fields: fields, starts: starts, openQuote: false)
    }

    /// Where a scan stands with respect to quotes, for records that span lines.
    enum QuoteState {
        /// At the start of a field: a quote here opens a quoted field.
        case fieldStart
        /// Inside an unquoted field, or after a quoted field's closing quote.
        case unquoted
        /// Inside a quoted field.
        case quoted
    }

    /// The quote state after `bytes`, starting from `state`, with the same rules as ``split(_:delimiter:quote:)``.
    static func advance(_ state: QuoteState, over bytes: [UInt8], delimiter: UInt8, quote: UInt8) -> QuoteState {
        var state = state
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch state {
            case .quoted:
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote { index += 1 } else { state = .unquoted }
                }
            case .fieldStart:
                state = byte == quote ? .quoted : (byte == delimiter ? .fieldStart : .unquoted)
            case .unquoted:
                if byte == delimiter { state = .fieldStart }
            }
            index += 1
        }
        return state
    }

    private static func splitPlain(_ line: [UInt8], delimiter: UInt8) -> Split {
        var fields: [ArraySlice<UInt8>] = []
        var starts: [Int] = []
        var start = 0
        for index in line.indices where line[index] == delimiter {
            fields.append(line[start..<index])
            starts.append(start)
            start = index + 1
        }
        fields.append(line[start..<line.count])
        starts.append(start)
        return Split(fields: fields, starts: starts, openQuote: false)
    }
}

extension TextCells {
    /// The fields of one line of text, quotes removed (RFC 4180), not trimmed.
    public static func split(_ line: String, delimiter: UInt8, quote: UInt8?) -> [String] {
        FieldSplitting.split(Array(line.utf8), delimiter: delimiter, quote: quote).fields
            .map { String(decoding: $0, as: UTF8.self) }
    }
}
