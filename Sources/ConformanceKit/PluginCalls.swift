import FormatKit
import Foundation
import ProfileModel

/// What an import under the time bound gave.
enum ImportOutcome: Sendable {
    case table(ProfileTable)
    case failed(ImportError)
    case hung
}

/// What an export under the time bound gave: the bytes and the losses of the one plan that wrote them.
enum ExportOutcome: Sendable {
    case written(bytes: [UInt8], losses: [DeclaredLoss])
    case failed(ExportError)
    case hung
}

/// The plugin calls a battery makes, each under the time bound. The plugin under test is
/// called through ``FormatKit/ImportSession`` and ``FormatKit/ExportSession``, the path every
/// command takes, so what the kit checks is what users get (the provenance the sessions log
/// included). Goldens and reference tables are the expected tables themselves: the golden
/// codec reads and writes them verbatim.
extension BatteryRun {
    /// Imports `file` with `importer` through the import session, naming it `name` (the case
    /// file's own name, so goldens do not depend on where the kit put a mutated copy).
    func importFile(_ file: URL, name: String, companions: [String: URL], with importer: any ProfileImporter) -> ImportOutcome {
        let companionInputs = companions.mapValues { ImportInput(url: $0, name: $0.lastPathComponent) }
        let input = ImportInput(url: file, name: name, companions: companionInputs)
        return outcome(of: { () throws(ImportError) -> ProfileTable in
            try ImportSession.run(importer, input: input, options: ImportOptions(), policy: .lenient).table
        })
    }

    /// Imports a conformance case with the plugin under test.
    func importCase(_ conformanceCase: ConformanceCase, with importer: any ProfileImporter) -> ImportOutcome {
        importFile(conformanceCase.input, name: conformanceCase.input.lastPathComponent,
                   companions: conformanceCase.companions, with: importer)
    }

    /// Exports `table` with `exporter` and `exportOptions` through the export session into a
    /// scratch file, and returns the bytes with the losses of the plan that wrote them.
    func export(_ table: ProfileTable, with exporter: any ProfileExporter, options exportOptions: ExportOptions) -> ExportOutcome {
        let file = scratchFolder().appendingPathComponent("export.\(exporter.format.extensions.first ?? "out")")
        let result = bounded { () -> Result<([UInt8], [DeclaredLoss]), ExportError> in
            do throws(ExportError) {
                let report = try ExportSession.run(table, with: exporter, toPath: file.path, options: exportOptions,
                                                   policy: .lenient)
                guard let data = FileManager.default.contents(atPath: file.path) else {
                    return .failure(.io(path: file.path, reason: "cannot read the export back"))
                }
                return .success(([UInt8](data), report.losses))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .none: return .hung
        case .success(let (bytes, losses))?: return .written(bytes: bytes, losses: losses)
        case .failure(let error)?: return .failed(error)
        }
    }

    /// Reads a golden or reference table verbatim with the golden codec; the failure is a message.
    func readProfile(_ file: URL) -> Result<ProfileTable, ProfileFileProblem> {
        guard FileManager.default.fileExists(atPath: file.path) else {
            return .failure(ProfileFileProblem(text: "\(file.lastPathComponent) does not exist"))
        }
        let golden = battery.environment.golden
        let input = ImportInput(url: file, name: file.lastPathComponent)
        switch outcome(of: { () throws(ImportError) -> ProfileTable in try golden.read(input, options: ImportOptions()) }) {
        case .table(let table): return .success(table)
        case .failed(let error): return .failure(ProfileFileProblem(text: "cannot read \(file.lastPathComponent): \(error)"))
        case .hung: return .failure(ProfileFileProblem(text: "reading \(file.lastPathComponent) \(hangMessage)"))
        }
    }

    /// Writes `table` verbatim as profile JSON to `file`, replacing it atomically.
    func writeProfile(_ table: ProfileTable, to file: URL) -> Result<Void, ProfileFileProblem> {
        let golden = battery.environment.golden
        let path = file.path
        let result = bounded { () -> ExportError? in
            do throws(ExportError) {
                let output = try AtomicOutput(path: path)
                var sink = try output.makeSink()
                try golden.write(table, to: &sink, options: ExportOptions())
                try sink.finish()
                try output.commit()
                return nil
            } catch {
                return error
            }
        }
        switch result {
        case .none: return .failure(ProfileFileProblem(text: "writing \(file.lastPathComponent) \(hangMessage)"))
        case .some(nil): return .success(())
        case .some(let error?): return .failure(ProfileFileProblem(text: "cannot write \(file.lastPathComponent): \(error)"))
        }
    }

    /// The table a valid case must import to: its golden, and for a profile JSON case that is
    /// its own golden, the golden with the import the session logs (its step and source facts).
    func expectedTable(for validCase: ConformanceCase) -> Result<ProfileTable, ProfileFileProblem> {
        readProfile(validCase.golden).map { golden in
            guard validCase.isOwnGolden else { return golden }
            var expected = golden
            ImportSession.record(&expected, format: format.id, inputName: validCase.input.lastPathComponent)
            return expected
        }
    }

    /// Runs an import under the time bound.
    private func outcome(of body: @escaping @Sendable () throws(ImportError) -> ProfileTable) -> ImportOutcome {
        let result = bounded { () -> Result<ProfileTable, ImportError> in
            do throws(ImportError) { return .success(try body()) } catch { return .failure(error) }
        }
        switch result {
        case .none: return .hung
        case .success(let table)?: return .table(table)
        case .failure(let error)?: return .failed(error)
        }
    }

    /// Writes bytes to `file` through a temporary file and a rename.
    func writeFile(_ bytes: [UInt8], to file: URL) -> Result<Void, ProfileFileProblem> {
        do {
            try Data(bytes).write(to: file, options: .atomic)
            return .success(())
        } catch {
            return .failure(ProfileFileProblem(text: "cannot write \(file.path): \(error.localizedDescription)"))
        }
    }

    /// The differences between two tables as a failure message, the first few listed.
    func describe(_ differences: [ProfileDifference], against what: String) -> String {
        let shown = differences.prefix(options.shownDifferences).map { "  - \($0)" }
        let more = differences.count > shown.count ? ["  … and \(differences.count - shown.count) more"] : []
        let noun = differences.count == 1 ? "difference" : "differences"
        return (["\(differences.count) \(noun) from \(what):"] + shown + more).joined(separator: "\n")
    }
}

/// Why a golden or reference table could not be read or written.
struct ProfileFileProblem: Error, Sendable {
    var text: String
}
