import FormatKit

extension ImportInput {
    /// The files this input reads: its own and its companions', for the output check that
    /// refuses to overwrite an input.
    var paths: [String] {
        [url.path] + companions.values.flatMap(\.paths)
    }
}
