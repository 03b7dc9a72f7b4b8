import FormatKit
import Foundation
import ProfileModel

/// Check 2, import: every valid case imports, through the import session every command uses,
/// to exactly its golden profile JSON, values within the tolerance of ``ComparisonRules``. With recording on, goldens are rewritten
/// from the current import instead, and every recorded case fails.
extension BatteryRun {
    func runImport() {
        guard let importer else { return skipCheck(.import, "export-only plugin: its valid cases are checked by round-trip") }
        for validCase in cases.validCases {
            item(.import, validCase.id) {
                options.record ? record(validCase, with: importer) : check(validCase, with: importer)
            }
        }
    }

    private func check(_ validCase: ConformanceCase, with importer: any ProfileImporter) -> (Verdict, String) {
        let golden: ProfileTable
        switch expectedTable(for: validCase) {
        case .success(let table): golden = table
        case .failure(let problem):
            return (.failed, "\(problem.text); record the golden with MHUB_RECORD=1 and review it")
        }
        switch importCase(validCase, with: importer) {
        case .hung:
            return (.failed, "import \(hangMessage)")
        case .failed(let error):
            return (.failed, "import failed: \(error)")
        case .table(let table):
            let differences = ProfileComparison.differences(expected: golden, actual: table, rules: options.rules)
            guard differences.isEmpty else {
                return (.failed, describe(differences, against: "golden \(validCase.golden.lastPathComponent)"))
            }
            return (.passed, "\(table.samples.count) samples, \(table.taxa.count) taxa, equal to the golden")
        }
    }

    private func record(_ validCase: ConformanceCase, with importer: any ProfileImporter) -> (Verdict, String) {
        guard !validCase.isOwnGolden else {
            return (.failed, "MHUB_RECORD=1: \(validCase.input.lastPathComponent) is its own golden; nothing recorded")
        }
        switch importCase(validCase, with: importer) {
        case .hung:
            return (.failed, "MHUB_RECORD=1: nothing recorded; import \(hangMessage)")
        case .failed(let error):
            return (.failed, "MHUB_RECORD=1: nothing recorded; import failed: \(error)")
        case .table(let table):
            switch writeProfile(table, to: validCase.golden) {
            case .success:
                return (.failed, "MHUB_RECORD=1: recorded \(validCase.golden.lastPathComponent); review it, then run again without MHUB_RECORD")
            case .failure(let problem):
                return (.failed, "MHUB_RECORD=1: \(problem.text)")
            }
        }
    }
}
