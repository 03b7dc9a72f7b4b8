/// Where in an input something was found: file, line and column for text, a path
/// (JSON pointer, XPath, HDF5 dataset) for structured data, a byte offset where useful.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var path: String?
    public var byteOffset: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.byteOffset = byteOffset
    }

    /// `file:line:column`, then the path and byte offset when known.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let path { text += " (\(path))" }
        if let byteOffset, line == nil { text += " (byte \(byteOffset))" }
        return text
    }
}
