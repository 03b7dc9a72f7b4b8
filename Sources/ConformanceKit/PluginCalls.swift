import FormatKit
import Foundation
import ProfileModel

/// What an import under the time bound gave.
enum ImportOutcome: Sendable {
    case table(ProfileTable)
    case failed(ImportError)
    case hung
}

/// What an export under the time bound gave.
enum ExportOutcome: Sendable {
    case bytes([UInt8])
    case failed(ExportError)
    case hung
}

/// The plugin calls a battery makes, each under the time bound.
extension BatteryRun {
    /// Imports `file` with `importer`, naming it `name` (the case file's own name, so goldens
    /// do not depend on where the kit put a mutated copy).
    func importFile(_ file: URL, name: String, companions: [String: URL], with importer: any ProfileImporter) -> ImportOutcome {
        let companionInputs = companions.mapValues { ImportInput(url: $0, name: $0.lastPathComponent) }
        let input = ImportInput(url: file, name: name, companions: companionInputs)
        let result = bounded { () -> Result<ProfileTable, ImportError> in
            do throws(ImportError) {
                return .success(try importer.read(input, options: ImportOptions()))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .none: return .hung
        case .success(let table)?: return .table(table)
        case .failure(let error)?: return .failed(error)
        }
    }

    /// Imports a conformance case with the plugin under test.
    func importCase(_ conformanceCase: ConformanceCase, with importer: any ProfileImporter) -> ImportOutcome {
        importFile(conformanceCase.input, name: conformanceCase.input.lastPathComponent,
                   companions: conformanceCase.companions, with: importer)
    }

    /// Exports `table` with `exporter` and `exportOptions` into a scratch file and returns the bytes.
    func export(_ table: ProfileTable, with exporter: any ProfileExporter, options exportOptions: ExportOptions) -> ExportOutcome {
        let file = scratchFolder().appendingPathComponent("export.\(exporter.format.extensions.first ?? "out")")
        let result = bounded { () -> Result<[UInt8], ExportError> in
            do throws(ExportError) {
                var sink = try OutputSink(fileURL: file)
                try exporter.write(table, to: &sink, options: exportOptions)
                try sink.flush()
                guard let data = FileManager.default.contents(atPath: file.path) else {
                    return .failure(.io(path: file.path, reason: "cannot read the export back"))
                }
                return .success([UInt8](data))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .none: return .hung
        case .success(let bytes)?: return .bytes(bytes)
        case .failure(let error)?: return .failed(error)
        }
    }

    /// Reads a golden or reference table with the golden codec; the failure is a message.
    func readProfile(_ file: URL) -> Result<ProfileTable, ProfileFileProblem> {
        guard FileManager.default.fileExists(atPath: file.path) else {
            return .failure(ProfileFileProblem(text: "\(file.lastPathComponent) does not exist"))
        }
        switch importFile(file, name: file.lastPathComponent, companions: [:], with: battery.environment.golden) {
        case .table(let table): return .success(table)
        case .failed(let error): return .failure(ProfileFileProblem(text: "cannot read \(file.lastPathComponent): \(error)"))
        case .hung: return .failure(ProfileFileProblem(text: "reading \(file.lastPathComponent) \(hangMessage)"))
        }
    }

    /// Writes `table` as profile JSON to `file`, replacing it atomically.
    func writeProfile(_ table: ProfileTable, to file: URL) -> Result<Void, ProfileFileProblem> {
        switch export(table, with: battery.environment.golden, options: ExportOptions()) {
        case .bytes(let bytes): return writeFile(bytes, to: file)
        case .failed(let error): return .failure(ProfileFileProblem(text: "cannot write \(file.lastPathComponent): \(error)"))
        case .hung: return .failure(ProfileFileProblem(text: "writing \(file.lastPathComponent) \(hangMessage)"))
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
