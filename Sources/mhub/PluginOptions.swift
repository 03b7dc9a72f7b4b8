import ArgumentParser
import BuiltInFormats
import FormatKit
import Foundation
import ProfileModel

/// Where to find plugins beyond the compiled ones.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("formats-dir"), help: ArgumentHelp("A folder of descriptor files to add (repeatable).", valueName: "dir"))
    var formatsDirectories: [String] = []

    @Option(name: .customLong("plugin-path"), help: ArgumentHelp("A folder searched for external mhub-format-<id> plugins (repeatable; also MHUB_PLUGIN_PATH).", valueName: "dir"))
    var pluginPaths: [String] = []

    /// The registry for this run.
    func registry() throws(CommandFailure) -> FormatRegistry {
        do {
            return try BuiltInFormats.registry(RegistryOptions(formatsDirectories: formatsDirectories,
                                                               pluginPaths: pluginPaths))
        } catch {
            throw CommandFailure(error)
        }
    }
}

/// How to read an input: format, encoding, overrides and companions.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("from"), help: ArgumentHelp("The input format id (detected when omitted).", valueName: "id"),
            completion: FormatCompletion.importing)
    var formatID: String?

    @Option(help: ArgumentHelp("Force the text encoding: utf-8, utf-16le, utf-16be, windows-1252.", valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("Force the abundance unit: counts, relative, percent, cpm.", valueName: "unit"))
    var unit: String?

    @Option(name: .customLong("sample-id"), help: ArgumentHelp("The sample id for single-sample reports that do not name it.", valueName: "id"))
    var sampleID: String?

    @Option(name: .customLong("companion"), help: ArgumentHelp("A companion input, such as taxonomy=taxonomy.tsv (repeatable).", valueName: "role=file"))
    var companions: [String] = []

    @Option(name: .customLong("option"), help: ArgumentHelp("A plugin-specific import setting key=value (repeatable).", valueName: "key=value"))
    var parameters: [String] = []

    @Flag(help: "Fail (exit 1) when the import produces warnings or the export would lose fields.")
    var strict = false

    @Flag(name: [.customShort("q"), .long],
          help: "Print no warnings on standard error (errors still print, and --strict still fails on warnings).")
    var quiet = false

    /// The `--from` format id, checked against the registry: an unknown id (or one that cannot be
    /// imported) is a usage error, exit 2, as an unknown `--to` is.
    func importFormat(in registry: FormatRegistry) throws(CommandFailure) -> String? {
        guard let formatID else { return nil }
        do { _ = try registry.importer(id: formatID) } catch { throw CommandFailure(error) }
        return formatID
    }

    /// The import options these flags describe.
    func importOptions() throws(CommandFailure) -> ImportOptions {
        ImportOptions(unit: try unit.map { value throws(CommandFailure) in try Self.parseUnit(value) },
                      sampleID: sampleID, parameters: try Self.keyValues(parameters, flag: "--option"))
    }

    /// The warning policy `--strict` asks for, reporting each finding on standard error
    /// (or nowhere, under `--quiet` and for commands that show the findings themselves).
    func policy(reporting: Bool = true) -> WarningPolicy {
        guard reporting, !quiet else { return WarningPolicy(strict: strict) }
        return WarningPolicy(strict: strict) { diagnostic in FileHandle.standardErrorWrite("mhub: \(diagnostic)") }
    }

    /// Opens `path` (`-` for standard input) with its companions.
    func openInput(_ path: String) throws(CommandFailure) -> ImportInput {
        var companionInputs: [String: ImportInput] = [:]
        for (role, file) in try Self.keyValues(companions, flag: "--companion") {
            companionInputs[role] = try Self.open(file, encoding: nil)
        }
        return try Self.open(path, encoding: try Self.parseEncoding(encoding)).with(companions: companionInputs)
    }

    /// The forced encoding named by `--encoding`, if any.
    static func parseEncoding(_ name: String?) throws(CommandFailure) -> TextEncoding? {
        guard let name else { return nil }
        guard let value = TextEncoding(rawValue: name.lowercased()) else {
            throw CommandFailure(message: "error [usage]: unknown encoding '\(name)' (use \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")))",
                                 exitCode: CommandFailure.usageExitCode)
        }
        return value
    }

    /// Opens one file (`-` for standard input) without companions.
    static func open(_ path: String, encoding: TextEncoding?) throws(CommandFailure) -> ImportInput {
        if path == "-" {
            do { return try ImportInput.standardInput(encoding: encoding) } catch { throw CommandFailure(error) }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure(ImportError.io(SourceLocation(file: path), reason: "no such file"))
        }
        if isDirectory.boolValue {
            throw CommandFailure(ImportError.io(SourceLocation(file: path),
                                                reason: "is a directory, not a file (`mhub merge` reads every file of a directory)"))
        }
        return ImportInput(url: URL(fileURLWithPath: path), name: path, encoding: encoding)
    }

    static func parseUnit(_ text: String) throws(CommandFailure) -> AbundanceUnit {
        guard ["counts", "relative", "percent", "cpm"].contains(text) else {
            throw CommandFailure(message: "error [usage]: unknown unit '\(text)' (use counts, relative, percent or cpm)",
                                 exitCode: CommandFailure.usageExitCode)
        }
        return AbundanceUnit(wireName: text)
    }

    static func keyValues(_ pairs: [String], flag: String) throws(CommandFailure) -> [String: String] {
        var result: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CommandFailure(message: "error [usage]: \(flag) expects key=value, got '\(pair)'",
                                     exitCode: CommandFailure.usageExitCode)
            }
            result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return result
    }
}
