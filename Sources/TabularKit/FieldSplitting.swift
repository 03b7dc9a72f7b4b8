/// Splits one line of a delimited table into fields, honouring RFC 4180 quotes.
///
/// Used on whole records by ``RecordReader`` and on single prefix lines by the sniffer.
enum FieldSplitting {
    /// The result of splitting: where each field's contents lie, the byte offset where each
    /// field starts in the line, and whether a quoted field is still open at the end of the line.
    ///
    /// Fields are ranges into `content` rather than slices, so that splitting a line of
    /// thousands of cells costs no reference counting per cell.
    struct Split {
        /// The bytes the fields are cut from: the line itself unless a field was quoted, then
        /// the fields' unquoted contents one after another.
        var content: [UInt8]
        /// Field `i` is `content[bounds[i]]`.
        var bounds: [Range<Int>]
        var starts: [Int]
        var openQuote: Bool

        /// Field `index`'s contents.
        func field(_ index: Int) -> ArraySlice<UInt8> { content[bounds[index]] }

        /// Every field's contents (for the few lines that sniffing and header search look at).
        var fields: [ArraySlice<UInt8>] { bounds.map { content[$0] } }
    }

    /// Splits `line`. Quoted fields lose their quotes and have `""` collapsed to `"`;
    /// a quote that does not open a field is kept as an ordinary character.
    static func split(_ line: [UInt8], delimiter: UInt8, quote: UInt8?, expectedFields: Int = 0) -> Split {
        // Without a quote character the delimiter stands in, and the plain split never stops.
        let quote = quote ?? delimiter
        if let plain = splitPlain(line, delimiter: delimiter, stoppingAt: quote, expectedFields: expectedFields) {
            return plain
        }
        var content: [UInt8] = []
        content.reserveCapacity(line.count)
        var bounds: [Range<Int>] = []
        var starts: [Int] = []
        var index = 0
        let count = line.count
        while true {
            starts.append(index)
            let fieldStart = content.count
            if index < count, line[index] == quote {
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
                    bounds.append(fieldStart..<content.count)
                    return Split(content: content, bounds: bounds, starts: starts, openQuote: true)
                }
                // Text between the closing quote and the delimiter is kept (lenient, as spreadsheets are).
                while cursor < count, line[cursor] != delimiter {
                    content.append(line[cursor])
                    cursor += 1
                }
                bounds.append(fieldStart..<content.count)
                if cursor >= count { break }
                index = cursor + 1
            } else {
                var cursor = index
                while cursor < count, line[cursor] != delimiter { cursor += 1 }
                content += line[index..<cursor]
                bounds.append(fieldStart..<content.count)
                if cursor >= count { break }
                index = cursor + 1
            }
        }
        return Split(content: content, bounds: bounds, starts: starts, openQuote: false)
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

    /// Splits a line at every delimiter in one pass; `nil` as soon as `quote` occurs, since
    /// such a line needs the quote-aware split.
    private static func splitPlain(_ line: [UInt8], delimiter: UInt8, stoppingAt quote: UInt8,
                                   expectedFields: Int) -> Split? {
        var bounds: [Range<Int>] = []
        var starts: [Int] = []
        bounds.reserveCapacity(expectedFields)
        starts.reserveCapacity(expectedFields)
        let complete = line.withUnsafeBufferPointer { bytes in
            var start = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == delimiter {
                    bounds.append(start..<index)
                    starts.append(start)
                    start = index + 1
                } else if byte == quote {
                    return false
                }
                index += 1
            }
            bounds.append(start..<count)
            starts.append(start)
            return true
        }
        return complete ? Split(content: line, bounds: bounds, starts: starts, openQuote: false) : nil
    }
}

extension TextCells {
    /// The fields of one line of text, quotes removed (RFC 4180), not trimmed.
    public static func split(_ line: String, delimiter: UInt8, quote: UInt8?) -> [String] {
        FieldSplitting.split(Array(line.utf8), delimiter: delimiter, quote: quote).fields
            .map { String(decoding: $0, as: UTF8.self) }
    }
}
