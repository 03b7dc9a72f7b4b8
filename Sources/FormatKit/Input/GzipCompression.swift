import CSystemZlib

/// Compresses bytes into one gzip member: the counterpart of ``GzipByteStream``, used by the
/// conformance kit's gzip mutation and by tests.
public enum GzipCompression {
    /// The gzip-compressed form of `bytes`; `nil` only if zlib refuses to start or finish.
    public static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        // zlib keeps a pointer to its stream, so the stream lives at a fixed heap address.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        // 15 window bits + 16: write a gzip header and trailer rather than a zlib one.
        guard mhub_deflateInit2(stream, Z_DEFAULT_COMPRESSION, 15 + 16) == Z_OK else { return nil }
        defer { deflateEnd(stream) }
        var input = bytes
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.pointee.next_in = inBuffer.baseAddress
            stream.pointee.avail_in = UInt32(inBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.pointee.next_out = outBuffer.baseAddress
                    stream.pointee.avail_out = UInt32(outBuffer.count)
                    status = deflate(stream, Z_FINISH)
                    output.append(contentsOf: outBuffer.prefix(outBuffer.count - Int(stream.pointee.avail_out)))
                }
            } while status == Z_OK || (status == Z_BUF_ERROR && stream.pointee.avail_out == 0)
        }
        return status == Z_STREAM_END ? output : nil
    }
}
