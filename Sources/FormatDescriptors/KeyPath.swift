/// A key path into a JSON or YAML document: keys joined by `.`.
struct KeyPath: Hashable {
    let keys: [String]

    init(_ text: String) {
        keys = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// The path in descriptor syntax.
    var text: String { keys.joined(separator: ".") }
}
