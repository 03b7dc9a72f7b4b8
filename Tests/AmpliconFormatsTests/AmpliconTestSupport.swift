import Foundation
import FormatKit
import ProfileModel

/// Paths and small readers the amplicon plugin tests share.
enum AmpliconTestSupport {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shared corpus beside the package (real third-party files, some GPL: read, never copied).
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    /// A conformance case file of a format.
    static func conformanceFile(_ format: String, _ name: String) -> URL {
        packageRoot.appendingPathComponent("Conformance/\(format)/\(name)")
    }

    static func input(_ text: String, name: String) throws -> ImportInput {
        try ImportInput.bytes(Array(text.utf8), name: name)
    }

    /// The error an import fails with, or `nil` when it succeeds.
    static func failure(_ body: () throws(ImportError) -> ProfileTable) -> ImportError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }
}
