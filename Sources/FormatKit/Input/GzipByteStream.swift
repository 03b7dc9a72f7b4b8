import CSystemZlib

/// Decompresses a gzip (or zlib) stream on the fly, including concatenated gzip members
/// as `cat a.gz b.gz` and bgzip produce.
public final class GzipByteStream: ByteStream {
    private let source: any ByteStream
    private let displayName: String
    /// zlib keeps a pointer to its stream, so the stream lives at a fixed heap address.
    private let stream: UnsafeMutablePointer<z_stream>
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var sourceFinished = false
    private var memberFinished = false
    private var finished = false

    public init(source: any ByteStream, displayName: String) throws(ImportError) {
        self.source = source
        self.displayName = displayName
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 window bits + 32: detect the gzip or zlib header automatically.
        guard mhub_inflateInit2(stream, 15 + 32) == Z_OK else {
            throw .encoding(SourceLocation(file: displayName), reason: "cannot initialise gzip decompression")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

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
                inflateReset(stream)
                memberFinished = false
            }
            let inputCount = input.count
            let available = inputCount - inputOffset
            let offset = inputOffset
            var consumedTo = offset
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    stream.pointee.next_in = inBuffer.baseAddress.map { $0 + offset }
                    stream.pointee.avail_in = UInt32(available)
                    stream.pointee.next_out = outBuffer.baseAddress.map { $0 + produced }
                    stream.pointee.avail_out = UInt32(maxCount - produced)
                    let result = inflate(stream, Z_NO_FLUSH)
                    produced = maxCount - Int(stream.pointee.avail_out)
                    consumedTo = inputCount - Int(stream.pointee.avail_in)
                    return result
                }
            }
            inputOffset = consumedTo
            switch status {
            case Z_STREAM_END:
                memberFinished = true
            case Z_OK:
                break
            case Z_BUF_ERROR where available == 0 && sourceFinished:
                throw .encoding(SourceLocation(file: displayName, byteOffset: Int(stream.pointee.total_in)),
                                reason: "gzip data ends before the end of its stream (truncated file)")
            case Z_BUF_ERROR:
                break
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw .encoding(SourceLocation(file: displayName, byteOffset: Int(stream.pointee.total_in)),
                                reason: "corrupt gzip data: \(message)")
            }
        }
        output.removeLast(maxCount - produced)
        return output
    }
}
