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
                               suggestion: EditDistance.nearest(to: name, among: options.map(\.name)), declared: options.map(\.name))
            }
            if let problem = option.problem(with: parameters[name]!) {
                throw .invalidValue(format: format, direction: direction, name: name, value: parameters[name]!, problem: problem)
            }
        }
    }
}
