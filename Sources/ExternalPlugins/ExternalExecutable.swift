import FormatKit
import Foundation
import ProcessSupport
import ProfileModel

/// An external plugin executable and what it described: the shared engine of
/// ``ExternalImporter``, ``ExternalExporter`` and ``ExternalImporterExporter``.
///
/// Tables cross the process boundary as profile JSON, read and written by the `wire` codec
/// (the hub's `mhub-json` plugin).
public struct ExternalExecutable: Sendable {
    /// The executable's path.
    public let path: String
    public let format: FormatDescription
    let rule: ExternalDetectionRule?
    let losses: [DeclaredLoss]
    let limits: ExternalPluginLimits
    let wire: any ProfileImporter & ProfileExporter

    /// The executable's file name, `mhub-format-<id>`, as messages name it.
    var name: String { URL(fileURLWithPath: path).lastPathComponent }

    func detect(_ prefix: InputPrefix) -> Detection {
        guard let rule else {
            return format.matchesExtension(of: prefix.fileName)
                ? .unsure(reason: "file extension only (\(name) declares no detection rule)") : .noMatch
        }
        return rule.verdict(on: prefix, format: format, executableName: name)
    }

    /// Runs `import`: the input (decompressed, and decoded to UTF-8 unless the format is
    /// binary) on standard input, profile JSON expected on standard output.
    func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let (stdinURL, keepAlive) = try standardInput(for: input)
        let answer = try TemporaryFile(suffix: ".profile.json")
        var arguments = ["import", "--file-name", URL(fileURLWithPath: input.name).lastPathComponent]
        if let sampleID = options.sampleID { arguments += ["--sample-id", sampleID] }
        if let unit = options.unit { arguments += ["--unit", unit.description] }
        for key in options.parameters.keys.sorted() { arguments += ["--option", "\(key)=\(options.parameters[key]!)"] }
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(request(arguments, input: stdinURL, output: answer.url))
        } catch {
            throw importError(for: error, at: input.location())
        }
        withExtendedLifetime(keepAlive) {}
        guard result.termination == .exited(0) else {
            if let report = try? JSONDecoder().decode(ExternalErrorReport.self, from: Data(result.errorOutput)) {
                throw report.importError(in: input, pluginName: name)
            }
            throw .pluginFailure(input.location(), reason: "\(name) \(result.termination)\(firstLine(of: result.errorText))")
        }
        do {
            return try wire.read(ImportInput(url: answer.url, name: "\(name) output"), options: ImportOptions())
        } catch {
            throw .pluginFailure(input.location(), reason: "\(name) answered import with invalid profile JSON: \(error)")
        }
    }

    /// Runs `export`: the table as profile JSON on standard input, the format's bytes
    /// expected on standard output.
    func write(_ table: ProfileTable, to output: inout OutputSink, options: ExportOptions) throws(ExportError) {
        let question: TemporaryFile
        let answer: TemporaryFile
        do {
            question = try TemporaryFile(suffix: ".profile.json")
            answer = try TemporaryFile()
        } catch {
            throw .io(path: error.location.file, reason: error.message)
        }
        do {
            var sink = try OutputSink(fileURL: question.url)
            try wire.write(table, to: &sink, options: ExportOptions())
            try sink.flush()
        }
        var arguments = ["export"]
        for key in options.parameters.keys.sorted() { arguments += ["--option", "\(key)=\(options.parameters[key]!)"] }
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(request(arguments, input: question.url, output: answer.url))
        } catch {
            throw exportError(for: error)
        }
        guard result.termination == .exited(0) else {
            if let report = try? JSONDecoder().decode(ExternalErrorReport.self, from: Data(result.errorOutput)) {
                throw report.exportError(pluginName: name)
            }
            throw .pluginFailure(reason: "\(name) \(result.termination)\(firstLine(of: result.errorText))")
        }
        guard let reader = try? FileHandle(forReadingFrom: answer.url) else {
            throw .io(path: answer.url.path, reason: "cannot read \(name)'s output back")
        }
        defer { try? reader.close() }
        while let chunk = try? reader.read(upToCount: 1 << 20), !chunk.isEmpty {
            try output.write(chunk)
        }
    }

    private func request(_ arguments: [String], input: URL, output: URL) -> ChildProcess.Request {
        ChildProcess.Request(executable: path, arguments: arguments, standardInput: input, standardOutputFile: output,
                             outputLimit: limits.outputLimit, errorLimit: limits.errorLimit, timeLimit: limits.timeLimit)
    }

    /// The file to feed the plugin: the bytes as they are for binary formats (decompressed),
    /// otherwise the text decoded to UTF-8 without a byte order mark.
    private func standardInput(for input: ImportInput) throws(ImportError) -> (URL, TemporaryFile?) {
        if format.isBinary { return try input.uncompressedFile() }
        let decoded = try TemporaryFile()
        let text = try input.openText()
        guard let writer = try? FileHandle(forWritingTo: decoded.url) else {
            throw .io(input.location(), reason: "cannot write a temporary file")
        }
        defer { try? writer.close() }
        while true {
            let chunk = try text.read(maxCount: 1 << 20)
            if chunk.isEmpty { break }
            do { try writer.write(contentsOf: Data(chunk)) } catch {
                throw .io(input.location(), reason: "cannot write a temporary file")
            }
        }
        return (decoded.url, decoded)
    }

    private func importError(for failure: ChildProcess.Failure, at location: SourceLocation) -> ImportError {
        switch failure {
        case .timedOut, .outputLimitExceeded: .limitExceeded(location, limit: "\(name) \(failure)")
        case .cannotStart, .io: .pluginFailure(location, reason: failure.description)
        }
    }

    private func exportError(for failure: ChildProcess.Failure) -> ExportError {
        switch failure {
        case .timedOut, .outputLimitExceeded: .limitExceeded(limit: "\(name) \(failure)")
        case .cannotStart, .io: .pluginFailure(reason: failure.description)
        }
    }

    private func firstLine(of errorText: String) -> String {
        guard let line = errorText.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return "" }
        return ": " + line.prefix(300)
    }
}
