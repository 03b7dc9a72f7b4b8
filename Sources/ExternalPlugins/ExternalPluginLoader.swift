import FormatKit
import Foundation
import ProcessSupport

/// Finds external plugin executables and asks each to `describe` itself.
public enum ExternalPluginLoader {
    /// External plugin executables are named `mhub-format-<id>`.
    public static let executablePrefix = "mhub-format-"

    /// The folders named by a `MHUB_PLUGIN_PATH` value (colon-separated, empty entries ignored).
    public static func searchPath(_ value: String?) -> [String] {
        (value ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// Loads every `mhub-format-*` executable in the folders, in folder order, then by name.
    public static func discover(in folders: [String], wire: any ProfileImporter & ProfileExporter,
                                limits: ExternalPluginLimits = ExternalPluginLimits()) throws(RegistryError) -> [any FormatPlugin] {
        var plugins: [any FormatPlugin] = []
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                throw .pluginLoadFailed(path: folder, reason: "the plugin folder cannot be read")
            }
            for name in names.sorted() where name.hasPrefix(executablePrefix) {
                let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
                plugins.append(try load(executable: path, wire: wire, limits: limits))
            }
        }
        return plugins
    }

    /// Runs `<executable> describe` and wraps the executable as a plugin of the described capabilities.
    public static func load(executable path: String, wire: any ProfileImporter & ProfileExporter,
                            limits: ExternalPluginLimits = ExternalPluginLimits()) throws(RegistryError) -> any FormatPlugin {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw .pluginLoadFailed(path: path, reason: "not an executable file")
        }
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(ChildProcess.Request(
                executable: path, arguments: ["describe"], outputLimit: ExternalPluginLimits.describeOutputLimit,
                errorLimit: limits.errorLimit, timeLimit: limits.describeTimeLimit))
        } catch {
            throw .pluginLoadFailed(path: path, reason: "describe: \(error)")
        }
        guard result.termination == .exited(0) else {
            throw .pluginLoadFailed(path: path, reason: "describe \(result.termination): \(result.errorText.prefix(300))")
        }
        let description: ExternalPluginDescription
        do {
            description = try JSONDecoder().decode(ExternalPluginDescription.self, from: Data(result.output))
        } catch {
            throw .pluginLoadFailed(path: path, reason: "describe did not answer with a valid description: \(error)")
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        if let problem = description.problem(executableName: name) {
            throw .pluginLoadFailed(path: path, reason: problem)
        }
        let executable = ExternalExecutable(path: path, format: description.format, rule: description.detect,
                                            losses: description.losses ?? [], limits: limits, wire: wire)
        switch (description.import, description.export) {
        case (true, true): return ExternalImporterExporter(executable: executable)
        case (true, false): return ExternalImporter(executable: executable)
        default: return ExternalExporter(executable: executable)
        }
    }
}
