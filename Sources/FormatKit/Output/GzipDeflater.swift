import CSystemZlib

/// A streaming gzip compressor: bytes go in piece by piece, compressed bytes come out, and
/// `finish` closes the single gzip member with its trailer. The counterpart of ``GzipByteStream``.
public final class GzipDeflater {
    /// zlib keeps a pointer to its stream, so the stream lives at a fixed heap address.
    private let stream: UnsafeMutablePointer<z_stream>
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var finished = false

    /// A compressor at zlib's default level; `nil` only if zlib refuses to start.
    public init?() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 window bits + 16: write a gzip header and trailer rather than a zlib one.
        guard mhub_deflateInit2(stream, Z_DEFAULT_COMPRESSION, 15 + 16) == Z_OK else {
            stream.deallocate()
            return nil
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses `bytes`; with `finishing`, also flushes everything and writes the gzip
    /// trailer, after which no more bytes are taken. `nil` if zlib reports an error.
    public func deflate(_ bytes: [UInt8], finishing: Bool) -> [UInt8]? {
        guard !finished else { return bytes.isEmpty ? [] : nil }
        var input = bytes
        var output: [UInt8] = []
        let flush = finishing ? Z_FINISH : Z_NO_FLUSH
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.pointee.next_in = inBuffer.baseAddress
            stream.pointee.avail_in = UInt32(inBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.pointee.next_out = outBuffer.baseAddress
                    stream.pointee.avail_out = UInt32(outBuffer.count)
                    status = CSystemZlib.deflate(stream, flush)
                    output.append(contentsOf: outBuffer.prefix(outBuffer.count - Int(stream.pointee.avail_out)))
                }
                // More output is pending while zlib fills the whole chunk.
            } while status == Z_OK && stream.pointee.avail_out == 0
        }
        // A buffer error with nothing left to do only means "no progress was possible".
        let expected = finishing ? status == Z_STREAM_END : (status == Z_OK || status == Z_BUF_ERROR)
        guard expected, stream.pointee.avail_in == 0 else { return nil }
        if finishing { finished = true }
        return output
    }
}
