import Foundation
import FormatKit
import ProfileModel
import TabularKit

/// One report to merge: its path, and from a manifest the sample id and metadata to give it.
struct MergeInput: Sendable {
    var path: String
    var sampleID: String?
    var metadata: [String: MetadataValue] = [:]
}

/// Turns what users name on the command line into the reports to merge, in a stable order:
/// files as given, directories as their visible regular files (sorted, not recursive), glob
/// patterns (`'reports/*.kreport'`, when the shell left them unexpanded) as their matches, and
/// a manifest TSV (`path`, optional `sample-id` and any metadata columns; paths relative to the
/// manifest's folder) as its rows.
enum MergeInputs {
    static func expand(_ arguments: [String], manifest: String?) throws(CommandFailure) -> [MergeInput] {
        var inputs: [MergeInput] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
                inputs += isDirectory.boolValue ? try files(in: argument).map { MergeInput(path: $0) } : [MergeInput(path: argument)]
            } else if argument.contains(where: { "*?[".contains($0) }) {
                let matches = globbed(argument)
                guard !matches.isEmpty else { throw missing(argument, reason: "no file matches this pattern") }
                inputs += matches.map { MergeInput(path: $0) }
            } else {
                throw missing(argument, reason: "no such file or directory")
            }
        }
        if let manifest { inputs += try manifestRows(manifest) }
        guard !inputs.isEmpty else {
            throw CommandFailure(message: "error [usage]: merge needs at least one input (files, directories, patterns or --manifest)",
                                 exitCode: CommandFailure.usageExitCode)
        }
        return inputs
    }

    private static func missing(_ path: String, reason: String) -> CommandFailure {
        CommandFailure(ImportError.io(SourceLocation(file: path), reason: reason))
    }

    private static func files(in directory: String) throws(CommandFailure) -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw missing(directory, reason: "cannot list the directory: \(error.localizedDescription)")
        }
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue ? path : nil
        }
    }

    private static func globbed(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { index in matches.gl_pathv[index].map { String(cString: $0) } }.sorted()
    }

    /// Rows of a manifest: a `path` column (or the first column), an optional sample id column,
    /// and metadata columns typed as in a QIIME 2 metadata file.
    private static func manifestRows(_ manifest: String) throws(CommandFailure) -> [MergeInput] {
        let input = try InputOptions.open(manifest, encoding: nil)
        let text: String
        do { text = String(decoding: try input.readAllText(limit: 64 << 20), as: UTF8.self) } catch { throw CommandFailure(error) }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else {
            throw CommandFailure(ImportError.emptyInput(input.location(line: 1)))
        }
        let names = header.map { $0.lowercased() }
        let pathColumn = names.firstIndex { ["path", "file", "filepath", "absolute-filepath"].contains($0) } ?? 0
        let idColumn = names.firstIndex { ["sample-id", "sample_id", "sampleid", "sample id", "id", "#sampleid"].contains($0) }
        let folder = (manifest as NSString).deletingLastPathComponent
        var rows: [MergeInput] = []
        for (offset, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == header.count else {
                throw CommandFailure(ImportError.shapeMismatch(input.location(line: offset + 2),
                                                               reason: "the row has \(cells.count) cells but the header \(header.count)"))
            }
            let path = cells[pathColumn]
            var row = MergeInput(path: path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path))
            if let idColumn, !cells[idColumn].isEmpty { row.sampleID = cells[idColumn] }
            for (index, cell) in cells.enumerated() where index != pathColumn && index != idColumn && !cell.isEmpty {
                row.metadata[header[index]] = .inferred(from: cell)
            }
            rows.append(row)
        }
        return rows
    }
}
