/// How an output file is compressed, chosen by its name as users expect from gzip-aware
/// tools: `out.tsv.gz` is gzip-compressed TSV, `out.tsv` plain text. Standard output is never compressed.
public enum OutputCompression: String, Sendable, Hashable {
    case none
    case gzip

    /// The compression a destination name asks for (`-`, standard output, is never compressed).
    public init(forOutputName name: String) {
        self = name != "-" && name.lowercased().hasSuffix(".gz") ? .gzip : .none
    }

    /// The name without the compression suffix, which names the format (`out.biom.gz` → `out.biom`).
    public func formatName(of name: String) -> String {
        self == .gzip ? String(name.dropLast(3)) : name
    }

    /// Whether this compression can wrap a format: gzip wraps text, not binary containers
    /// such as HDF5 or zip, which compress their own contents.
    public func wraps(_ format: FormatDescription) -> Bool {
        self == .none || !format.isBinary
    }
}
