import BuiltInFormats
import FormatKit
import Foundation
import ProfileModel

/// Paths, files and plugin calls the document format tests share.
enum DocumentTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The reference tables every exporter must carry, by name.
    static func referenceTables() throws -> [(name: String, table: ProfileTable)] {
        let folder = packageRoot.appendingPathComponent("Conformance/reference")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".profile.json") }.sorted()
            .map { ($0, try read(folder.appendingPathComponent($0), as: "mhub-json")) }
    }

    static func importer(_ id: String) throws -> any ProfileImporter {
        guard let importer = try BuiltInFormats.registry().plugin(id: id) as? any ProfileImporter else {
            throw SupportError(message: "no importer \(id)")
        }
        return importer
    }

    static func exporter(_ id: String) throws -> any ProfileExporter {
        guard let exporter = try BuiltInFormats.registry().plugin(id: id) as? any ProfileExporter else {
            throw SupportError(message: "no exporter \(id)")
        }
        return exporter
    }

    static func read(_ url: URL, as id: String) throws -> ProfileTable {
        try importer(id).read(ImportInput(url: url), options: ImportOptions())
    }

    /// Reads `text` saved under `name`, or returns the import error.
    static func read(text: String, name: String, as id: String) throws -> Result<ProfileTable, ImportError> {
        let url = try scratch(name)
        try Data(text.utf8).write(to: url)
        let plugin = try importer(id)
        do throws(ImportError) {
            return .success(try plugin.read(ImportInput(url: url, name: name), options: ImportOptions()))
        } catch {
            return .failure(error)
        }
    }

    /// Writes `table` with the exporter `id` and returns the file.
    static func write(_ table: ProfileTable, as id: String, suffix: String) throws -> URL {
        let url = try scratch("export\(suffix)")
        var sink = try OutputSink(fileURL: url)
        try exporter(id).write(table, to: &sink, options: ExportOptions())
        try sink.flush()
        return url
    }

    static func scratch(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    /// Runs a program and returns its exit status and combined output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let log = try scratch("output.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    struct SupportError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
