/// The limits that protect the hub from a hanging or flooding external plugin. A plugin
/// that exceeds one is killed, and the call fails with a typed `limit-exceeded` error.
public struct ExternalPluginLimits: Sendable, Hashable {
    /// Seconds `describe` may take.
    public var describeTimeLimit: Double
    /// Seconds `import` or `export` may take.
    public var timeLimit: Double
    /// Bytes `import` or `export` may write to standard output.
    public var outputLimit: Int
    /// Bytes a plugin may write to standard error.
    public var errorLimit: Int

    public init(describeTimeLimit: Double = 10, timeLimit: Double = 300, outputLimit: Int = 1 << 30,
                errorLimit: Int = 1 << 20) {
        self.describeTimeLimit = describeTimeLimit
        self.timeLimit = timeLimit
        self.outputLimit = outputLimit
        self.errorLimit = errorLimit
    }

    /// The most a `describe` answer may hold.
    static let describeOutputLimit = 1 << 20
}
