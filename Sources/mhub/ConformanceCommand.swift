import ArgumentParser
import BuiltInFormats
import ConformanceKit
import FormatDescriptors
import FormatKit
import Foundation

/// `mhub conformance`: runs the conformance kit on every plugin, or on one compiled,
/// descriptor or external plugin with its case folder.
///
/// Each plugin's battery runs in a child process (this executable again, with `--worker`), so a
/// plugin that traps or hangs fails its own check and the run goes on. `--in-process` skips
/// the isolation (faster; a trapping plugin then ends the run).
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Check format plugins against their conformance cases.",
        discussion: """
            Checks: detect, import, reject, round-trip, deterministic, mutations, coverage \
            (see Formats/PLUGIN_GUIDE.md). Cases are read from Conformance/<format-id>/ and \
            reference tables from Conformance/reference/, found from the current folder upwards. \
            MHUB_RECORD=1 re-records goldens and fails the run. Exit code 1 when any check fails \
            or the plugin cannot be loaded.

            --descriptor checks one descriptor file beside the built-in plugins. When its id is \
            that of a built-in descriptor (or one from --formats-dir), the file replaces that \
            descriptor for this run, so an edited copy of a built-in descriptor is checked \
            against the same cases without the original competing for them. An id of a \
            compiled or external plugin is refused.
            """)

    @OptionGroup var plugins: PluginOptions

    @Option(name: .customLong("format"), help: ArgumentHelp("Check only the plugin with this id.", valueName: "id"))
    var formatID: String?

    @Option(name: .customLong("descriptor"), help: ArgumentHelp("Check this descriptor file; it replaces a built-in descriptor with the same id.", valueName: "file"))
    var descriptorPath: String?

    @Option(name: .customLong("external"), help: ArgumentHelp("Check this external plugin executable (mhub-format-<id>).", valueName: "path"))
    var externalPath: String?

    @Option(help: ArgumentHelp("The case folder (default Conformance/<format-id>/); needs --format, --descriptor or --external.", valueName: "dir"))
    var cases: String?

    @Option(help: ArgumentHelp("The folder of reference tables exporters must carry (default Conformance/reference/).", valueName: "dir"))
    var reference: String?

    @Flag(help: "Print the report as JSON instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Also write the report as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(name: .customLong("export-option"), help: ArgumentHelp("An export setting key=value in force for every export (repeatable); every exporter checked must declare it. Every value of every enumerated option is also tried on its own.", valueName: "key=value"))
    var exportParameters: [String] = []

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds a single plugin call may take before it counts as a hang.", valueName: "seconds"))
    var timeLimit: Double = 30

    @Flag(name: .customLong("in-process"), help: "Run the checks in this process instead of one child process per plugin.")
    var inProcess = false

    @Option(name: .customLong("worker"), help: .hidden)
    var workerRequest: String?

    func validate() throws {
        if [formatID, descriptorPath, externalPath].compactMap({ $0 }).count > 1 {
            throw ValidationError("--format, --descriptor and --external each name the plugin to check; give one of them")
        }
        if cases != nil && formatID == nil && descriptorPath == nil && externalPath == nil {
            throw ValidationError("--cases is one plugin's case folder; name the plugin with --format, --descriptor or --external")
        }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
    }

    func run() throws {
        let (registry, selected) = try selection()
        if let workerRequest { serveWorker(workerRequest, registry: registry) }
        let root = ConformanceRoot.locate()
        let referenceDirectory = reference.map(Self.absolute) ?? root?.appendingPathComponent("reference").path
        let record = ConformanceOptions.recordingRequested()
        let exportSettings = try InputOptions.keyValues(exportParameters, flag: "--export-option")
        for plugin in selected where plugin.format.canExport {
            do {
                try OptionDeclarations(format: plugin.format.id, direction: .export, options: plugin.format.exportOptions)
                    .validate(exportSettings)
            } catch {
                throw CommandFailure(message: "error [usage]: \(error)", exitCode: CommandFailure.usageExitCode)
            }
        }
        var reports: [PluginReport] = []
        for (position, plugin) in selected.enumerated() {
            let id = plugin.format.id
            let casesDirectory = cases.map(Self.absolute)
                ?? (root ?? URL(fileURLWithPath: "Conformance")).appendingPathComponent(id).path
            FileHandle.standardErrorWrite("conformance: checking \(id) (\(position + 1) of \(selected.count))")
            let request = WorkerRequest(formatID: id, casesDirectory: casesDirectory, referenceDirectory: referenceDirectory,
                                        timeLimit: timeLimit, record: record, exportParameters: exportSettings)
            let items = inProcess ? try battery(for: request, registry: registry).run() : isolatedRunner().run(request)
            reports.append(PluginReport(formatID: id, kind: plugin.format.kind, casesDirectory: casesDirectory, items: items))
        }
        let report = ConformanceReport(plugins: reports)
        if json {
            StandardStreams.emit(Array(report.jsonData() + Data("\n".utf8)))
        } else {
            print(ReportTable.render(report), terminator: "")
        }
        if let junit { try writeJUnit(report, to: junit) }
        guard report.passed else {
            throw CommandFailure(message: "conformance: \(ReportTable.summary(report))", exitCode: CommandFailure.dataExitCode)
        }
    }

    /// The registry and the plugins to check.
    private func selection() throws(CommandFailure) -> (FormatRegistry, [any FormatPlugin]) {
        let registry = try plugins.registry()
        if let descriptorPath {
            let path = Self.absolute(descriptorPath)
            let descriptor: Descriptor
            do { descriptor = try DescriptorCatalog.load(file: path) } catch {
                throw CommandFailure(RegistryError.brokenDescriptors(problems: error.lines))
            }
            do {
                let (extended, plugin) = try BuiltInFormats.addingDescriptor(descriptor, to: registry)
                return (extended, [plugin])
            } catch {
                throw CommandFailure(error)
            }
        }
        if let externalPath {
            do {
                let (extended, plugin) = try BuiltInFormats.addingExternal(Self.absolute(externalPath), to: registry)
                return (extended, [plugin])
            } catch {
                throw CommandFailure(error)
            }
        }
        if let formatID {
            guard let plugin = registry.plugin(id: formatID) else { throw CommandFailure(registry.unknownFormat(formatID)) }
            return (registry, [plugin])
        }
        return (registry, registry.plugins)
    }

    private func battery(for request: WorkerRequest, registry: FormatRegistry) throws(CommandFailure) -> ConformanceBattery {
        guard let plugin = registry.plugin(id: request.formatID) else {
            throw CommandFailure(registry.unknownFormat(request.formatID))
        }
        do {
            let environment = try ConformanceEnvironment(
                registry: registry, referenceDirectory: request.referenceDirectory.map { URL(fileURLWithPath: $0) },
                options: request.options)
            return ConformanceBattery(plugin: plugin, caseDirectory: URL(fileURLWithPath: request.casesDirectory),
                                     environment: environment)
        } catch {
            throw CommandFailure(message: "error [conformance]: \(error)", exitCode: CommandFailure.usageExitCode)
        }
    }

    /// Runs one battery as an isolated worker and exits with the worker's status.
    private func serveWorker(_ text: String, registry: FormatRegistry) -> Never {
        do {
            let request = try WorkerRequest.decode(text)
            Foundation.exit(ConformanceWorker.serve(try battery(for: request, registry: registry), request: request))
        } catch let failure as CommandFailure {
            failure.report()
            Foundation.exit(failure.exitCode)
        } catch {
            FileHandle.standardErrorWrite("mhub: \(error)")
            Foundation.exit(CommandFailure.usageExitCode)
        }
    }

    /// Starts this executable again as a worker with the same plugin selection.
    private func isolatedRunner() -> IsolatedRunner {
        var selection: [String] = []
        for folder in plugins.pluginPaths { selection += ["--plugin-path", Self.absolute(folder)] }
        for folder in plugins.formatsDirectories { selection += ["--formats-dir", Self.absolute(folder)] }
        if let descriptorPath { selection += ["--descriptor", Self.absolute(descriptorPath)] }
        if let externalPath { selection += ["--external", Self.absolute(externalPath)] }
        let fixedSelection = selection
        let executable = Bundle.main.executableURL?.path ?? CommandLine.arguments[0]
        return IsolatedRunner(launcher: WorkerLauncher(executable: executable) { request in
            ["conformance"] + fixedSelection + ["--worker", request.encoded()]
        })
    }

    private func writeJUnit(_ report: ConformanceReport, to path: String) throws(CommandFailure) {
        do {
            let output = try AtomicOutput(path: path)
            var sink = try output.makeSink()
            try sink.write(JUnitReport.render(report))
            try sink.finish()
            try output.commit()
        } catch {
            throw CommandFailure(error)
        }
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// Finds the `Conformance/` folder: in the current folder, or in the nearest parent that
/// holds a `Package.swift` beside one.
enum ConformanceRoot {
    static func locate(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> URL? {
        var folder = start.standardizedFileURL
        let here = folder.appendingPathComponent("Conformance")
        if isDirectory(here) { return here }
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Conformance")
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path), isDirectory(candidate) {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}
