/// Splits one line of an NCBI `.dmp` file into its fields: fields are separated by `\t|\t` and
/// the line ends with `\t|` (NCBI `taxdump_readme.txt`). Each field is returned as a byte range
/// of the line without the surrounding tabs.
enum DumpFields {
    /// Fills `fields` with up to `limit` field ranges of `line` and returns how many it found.
    @inline(__always)
    static func split(_ line: UnsafeBufferPointer<UInt8>, into fields: inout [Range<Int>], limit: Int) -> Int {
        var count = 0
        var start = 0
        var index = 0
        let end = line.count
        while index < end, count < limit {
            if line[index] == UInt8(ascii: "|") {
                fields[count] = trimmedTabs(line, start, index)
                count += 1
                start = index + 1
            }
            index += 1
        }
        if count < limit, start < end {
            let tail = trimmedTabs(line, start, end)
            if !tail.isEmpty {
                fields[count] = tail
                count += 1
            }
        }
        return count
    }

    @inline(__always)
    private static func trimmedTabs(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
        var lower = start
        var upper = end
        if lower < upper, line[lower] == 0x09 { lower += 1 }
        if upper > lower, line[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    /// The decimal number in `range`, or `nil` when it holds anything else or overflows `Int32`.
    @inline(__always)
    static func int32(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32? {
        guard !range.isEmpty, range.count <= 10 else { return nil }
        var value: Int64 = 0
        for index in range {
            let digit = line[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value <= Int64(Int32.max) ? Int32(value) : nil
    }
}
