/// Bounds that keep a hostile XML text from exhausting memory or time.
///
/// Entity expansion needs no bound of its own: ``XMLReader`` refuses every document type
/// declaration, so a text cannot declare an entity at all.
public struct XMLLimits: Sendable, Hashable {
    /// The largest input accepted, in bytes (counted as libxml2 reads it).
    public var maxInputBytes: Int
    /// The deepest nesting of elements.
    public var maxDepth: Int
    /// The longest text of one text node, in bytes.
    public var maxTextBytes: Int
    /// The most attributes one element may carry.
    public var maxAttributes: Int

    public init(maxInputBytes: Int = 1 << 30, maxDepth: Int = 64, maxTextBytes: Int = 16 << 20, maxAttributes: Int = 256) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxTextBytes = maxTextBytes
        self.maxAttributes = maxAttributes
    }
}
