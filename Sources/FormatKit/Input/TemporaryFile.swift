import Foundation

/// A file in the temporary directory, removed when the last reference goes away.
public final class TemporaryFile: Sendable {
    /// The file's path.
    public let url: URL

    /// Creates an empty temporary file whose name ends with `suffix`.
    public init(suffix: String = "") throws(ImportError) {
        let name = "mhub-\(UUID().uuidString)\(suffix)"
        url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw .io(SourceLocation(file: url.path), reason: "cannot create a temporary file")
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
