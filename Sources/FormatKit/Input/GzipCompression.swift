/// Compresses bytes into one gzip member in one call: used by the conformance kit's gzip
/// mutation and by tests. Streaming output goes through ``GzipDeflater`` directly.
public enum GzipCompression {
    /// The gzip-compressed form of `bytes`; `nil` only if zlib refuses to start or finish.
    public static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        GzipDeflater()?.deflate(bytes, finishing: true)
    }
}
