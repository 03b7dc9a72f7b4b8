import CZlib

/// Decompresses a gzip (or zlib) stream on the fly, including concatenated gzip members
/// as `cat a.gz b.gz` and bgzip produce.
public final class GzipByteStream: ByteStream {
    private let source: any ByteStream
    private let displayName: String
    private var stream = z_stream()
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var sourceFinished = false
    private var memberFinished = false
    private var finished = false

    public init(source: any ByteStream, displayName: String) throws(ImportError) {
        self.source = source
        self.displayName = displayName
        // 15 window bits + 32: detect the gzip or zlib header automatically.
        guard mhub_inflateInit2(&stream, 15 + 32) == Z_OK else {
            throw .encoding(SourceLocation(file: displayName), reason: "cannot initialise gzip decompression")
        }
    }

    deinit { inflateEnd(&stream) }

    /// Whether bytes start with the gzip magic number.
    public static func isGzip(_ prefix: some Collection<UInt8>) -> Bool {
        prefix.count >= 2 && prefix.first == 0x1F && prefix.dropFirst().first == 0x8B
    }

    public func read(maxCount: Int) throws(ImportError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: maxCount)
        var produced = 0
        while produced == 0 && !finished {
            if inputOffset == input.count && !sourceFinished {
                input = try source.read(maxCount: 1 << 18)
                inputOffset = 0
                if input.isEmpty { sourceFinished = true }
            }
            if memberFinished {
                // Another gzip member follows only if more input remains.
                if inputOffset == input.count && sourceFinished { finished = true; break }
                inflateReset(&stream)
                memberFinished = false
            }
            let available = input.count - inputOffset
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_in = inBuffer.baseAddress.map { $0 + inputOffset }
                    stream.avail_in = UInt32(available)
                    stream.next_out = outBuffer.baseAddress.map { $0 + produced }
                    stream.avail_out = UInt32(maxCount - produced)
                    let result = inflate(&stream, Z_NO_FLUSH)
                    produced = maxCount - Int(stream.avail_out)
                    inputOffset = input.count - Int(stream.avail_in)
                    return result
                }
            }
            switch status {
            case Z_STREAM_END:
                memberFinished = true
            case Z_OK:
                break
            case Z_BUF_ERROR where available == 0 && sourceFinished:
                throw .encoding(SourceLocation(file: displayName, byteOffset: Int(stream.total_in)),
                                reason: "gzip data ends before the end of its stream (truncated file)")
            case Z_BUF_ERROR:
                break
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw .encoding(SourceLocation(file: displayName, byteOffset: Int(stream.total_in)),
                                reason: "corrupt gzip data: \(message)")
            }
        }
        output.removeLast(maxCount - produced)
        return output
    }
}
