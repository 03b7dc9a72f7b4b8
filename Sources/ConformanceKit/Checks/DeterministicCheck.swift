import FormatKit
import Foundation
import ProfileModel

/// Check 5, deterministic: exporting the same reference table twice gives identical bytes.
extension BatteryRun {
    func runDeterministic() {
        guard let exporter else { return skipCheck(.deterministic, "import-only plugin: nothing to export") }
        let references = referenceTables()
        if references.isEmpty {
            item(.deterministic, "reference tables") { (.failed, "no reference tables to export") }
        }
        for reference in references {
            item(.deterministic, "reference \(reference.name)") { exportTwice(reference.file, with: exporter) }
        }
    }

    private func exportTwice(_ file: URL, with exporter: any ProfileExporter) -> (Verdict, String) {
        let table: ProfileTable
        switch readProfile(file) {
        case .success(let read): table = read
        case .failure(let problem): return (.failed, "reference table: \(problem.text)")
        }
        var outputs: [[UInt8]] = []
        for _ in 0..<2 {
            switch export(table, with: exporter, options: options.exportOptions) {
            case .hung: return (.failed, "export \(hangMessage)")
            case .failed(.cannotRepresent(let reason)): return (.skipped, "the format cannot represent this table: \(reason)")
            case .failed(let error): return (.failed, "export failed: \(error)")
            case .written(let bytes, _): outputs.append(bytes)
            }
        }
        guard let difference = ByteDifference.first(outputs[0], outputs[1]) else {
            return (.passed, "two exports of \(outputs[0].count) bytes are identical")
        }
        return (.failed, "two exports of the same table differ \(difference)")
    }
}
