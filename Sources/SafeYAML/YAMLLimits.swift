/// Bounds that keep a hostile YAML text from exhausting memory or time.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest input accepted, in bytes.
    public var maxInputBytes: Int
    /// The deepest nesting of sequences and mappings, aliases included.
    public var maxDepth: Int
    /// The most nodes a document may hold after alias expansion.
    public var maxNodes: Int
    /// The most nodes that aliases may add by expansion (a "billion laughs" text fails here).
    public var maxAliasExpandedNodes: Int

    public init(maxInputBytes: Int = 16 << 20, maxDepth: Int = 128, maxNodes: Int = 2_000_000,
                maxAliasExpandedNodes: Int = 100_000) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxAliasExpandedNodes = maxAliasExpandedNodes
    }

    /// Limits suited to small configuration files such as format descriptors.
    public static let configuration = YAMLLimits(maxInputBytes: 1 << 20, maxDepth: 64, maxNodes: 100_000,
                                                 maxAliasExpandedNodes: 10_000)
}
