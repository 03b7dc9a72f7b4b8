import Foundation

/// Reads a text file in large blocks and hands each line (without its `\n` or `\r\n`) to a
/// closure as raw bytes, so that reference dumps of hundreds of megabytes are parsed without
/// holding the file or one `String` per line in memory.
struct LineReader {
    let path: String
    var blockSize = 1 << 22

    /// Calls `body` with every line and its 1-based number; `body` may throw to stop.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws(TaxonomyError) -> Void) throws(TaxonomyError) {
        guard let file = fopen(path, "rb") else {
            throw .io(file: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: blockSize)
        var carried = 0
        var lineNumber = 0
        while true {
            if carried == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let read = buffer.withUnsafeMutableBytes { raw in
                fread(raw.baseAddress! + carried, 1, raw.count - carried, file)
            }
            if read == 0 && ferror(file) != 0 { throw .io(file: path, reason: "read failed") }
            let filled = carried + read
            let atEnd = read == 0
            var consumed = 0
            try buffer.withUnsafeBufferPointer { bytes throws(TaxonomyError) in
                var start = 0
                while let newline = Self.index(of: 0x0A, in: bytes, from: start, to: filled) {
                    lineNumber += 1
                    try body(Self.line(bytes, start, newline), lineNumber)
                    start = newline + 1
                }
                if atEnd, start < filled {
                    lineNumber += 1
                    try body(Self.line(bytes, start, filled), lineNumber)
                    start = filled
                }
                consumed = start
            }
            if atEnd { return }
            carried = filled - consumed
            if carried > 0, consumed > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + consumed, carried)
                }
            }
        }
    }

    private static func line(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        var end = end
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
