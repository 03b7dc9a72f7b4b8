import FormatKit
import Foundation
import ProfileModel

/// One step of a battery as it runs: an item started, or an item finished with its result.
public enum BatteryEvent: Sendable, Hashable, Codable {
    case started(key: ItemKey)
    case finished(item: CheckItem)
}

/// How a battery run ended.
public enum BatteryOutcome: Sendable, Hashable {
    /// Every item ran (or was skipped on request).
    case completed
    /// A plugin call hung and the run stopped after reporting it, as asked.
    case stoppedAfterHang
}

/// Runs every check on one plugin, item by item, reporting each as it goes.
public struct ConformanceBattery: Sendable {
    public let plugin: any FormatPlugin
    public let cases: CaseFolder
    public let environment: ConformanceEnvironment

    /// A battery for `plugin` with the cases in `caseDirectory`.
    public init(plugin: any FormatPlugin, caseDirectory: URL, environment: ConformanceEnvironment) {
        self.plugin = plugin
        self.cases = CaseFolder.discover(in: caseDirectory)
        self.environment = environment
    }

    /// Runs the checks, passing every event to `observer`.
    ///
    /// - Parameters:
    ///   - completed: items already reported by an earlier run; they are not run again.
    ///   - stopAfterHang: stop after the first hung plugin call (its thread cannot be stopped).
    public func run(skipping completed: Set<ItemKey> = [], stopAfterHang: Bool = false,
                    observer: (BatteryEvent) -> Void) -> BatteryOutcome {
        withoutActuallyEscaping(observer) { observer in
            let run = BatteryRun(battery: self, completed: completed, stopAfterHang: stopAfterHang, observer: observer)
            defer { run.cleanUp() }
            run.runAll()
            return run.stopped ? .stoppedAfterHang : .completed
        }
    }

    /// Runs every check in this process and returns the items.
    public func run() -> [CheckItem] {
        var items: [CheckItem] = []
        _ = run { event in
            if case .finished(let item) = event { items.append(item) }
        }
        return items
    }
}

/// The state of one battery run.
final class BatteryRun {
    let battery: ConformanceBattery
    let completed: Set<ItemKey>
    let stopAfterHang: Bool
    let observer: (BatteryEvent) -> Void
    /// Scratch space for exports and mutated inputs.
    let scratch: URL
    private var scratchCounter = 0
    private(set) var hung = false
    var stopped: Bool { hung && stopAfterHang }

    init(battery: ConformanceBattery, completed: Set<ItemKey>, stopAfterHang: Bool, observer: @escaping (BatteryEvent) -> Void) {
        self.battery = battery
        self.completed = completed
        self.stopAfterHang = stopAfterHang
        self.observer = observer
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-conformance-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    var plugin: any FormatPlugin { battery.plugin }
    var format: FormatDescription { battery.plugin.format }
    var importer: (any ProfileImporter)? { battery.plugin as? any ProfileImporter }
    var exporter: (any ProfileExporter)? { battery.plugin as? any ProfileExporter }
    var options: ConformanceOptions { battery.environment.options }
    var cases: CaseFolder { battery.cases }

    func runAll() {
        runDetect()
        runImport()
        runReject()
        runRoundTrip()
        runDeterministic()
        runMutations()
        runCoverage()
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Runs one item unless it was completed earlier or the run has stopped.
    func item(_ check: ConformanceCheck, _ subject: String, _ body: () -> (Verdict, String)) {
        let key = ItemKey(check: check, subject: subject)
        guard !completed.contains(key), !stopped else { return }
        observer(.started(key: key))
        let (verdict, message) = body()
        observer(.finished(item: CheckItem(key, verdict, message)))
    }

    /// Reports a whole check as not applicable to this plugin.
    func skipCheck(_ check: ConformanceCheck, _ reason: String) {
        item(check, "plugin") { (.skipped, reason) }
    }

    /// A fresh scratch folder, so mutated inputs can keep their original file names.
    func scratchFolder() -> URL {
        scratchCounter += 1
        let folder = scratch.appendingPathComponent(String(scratchCounter))
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs plugin code within the time bound; `nil` (and the run marked as hung) on a hang.
    func bounded<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T? {
        guard let result = TimeBound.run(seconds: options.timeLimit, body) else {
            hung = true
            return nil
        }
        return result
    }

    var hangMessage: String {
        "did not finish within \(NumberFormatting.shortest(options.timeLimit)) s (a hang); every plugin call must end"
    }
}
