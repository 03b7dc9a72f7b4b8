import CZlib

/// Compresses bytes into a gzip member, for the gzip mutation.
enum GzipCompression {
    /// The gzip-compressed form of `bytes`; `nil` only if zlib refuses to start.
    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        // 15 window bits + 16: write a gzip header and trailer rather than a zlib one.
        guard mhub_deflateInit2(&stream, Z_DEFAULT_COMPRESSION, 15 + 16) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    status = deflate(&stream, Z_FINISH)
                    output.append(contentsOf: outBuffer.prefix(outBuffer.count - Int(stream.avail_out)))
                }
            } while status == Z_OK || (status == Z_BUF_ERROR && stream.avail_out == 0)
        }
        return status == Z_STREAM_END ? output : nil
    }
}
