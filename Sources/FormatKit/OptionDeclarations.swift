/// The declared options of one direction, checking and reading what users pass.
public struct OptionDeclarations: Sendable, Hashable {
    public let format: String
    public let direction: OptionDirection
    public let options: [PluginOption]

    public init(format: String, direction: OptionDirection, options: [PluginOption]) {
        self.format = format
        self.direction = direction
        self.options = options
    }

    /// Fails on the first given setting (in name order) that is not declared or not allowed.
    public func validate(_ parameters: [String: String]) throws(OptionError) {
        for name in parameters.keys.sorted() {
            guard let option = options.first(where: { $0.name == name }) else {
                throw .unknown(format: format, direction: direction, name: name,
                               suggestion: Self.nearest(to: name, among: options.map(\.name)), declared: options.map(\.name))
            }
            if let problem = option.problem(with: parameters[name]!) {
                throw .invalidValue(format: format, direction: direction, name: name, value: parameters[name]!, problem: problem)
            }
        }
    }

    /// The declared name closest to `name` by edit distance, when it is close enough to be a
    /// typo: at most a third of the longer name's letters (and at least 1) differ.
    static func nearest(to name: String, among names: [String]) -> String? {
        let scored = names.map { ($0, EditDistance.between(name, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowed = max(1, max(name.count, best.0.count) / 3)
        return best.1 <= allowed ? best.0 : nil
    }
}
