import FormatKit
import Foundation

/// Check 7, coverage: the plugin has at least one valid case, an importer at least one
/// invalid case, and the case folder holds only complete cases.
extension BatteryRun {
    func runCoverage() {
        item(.coverage, "cases") { check() }
    }

    private func check() -> (Verdict, String) {
        let folder = cases.directory.path
        guard cases.exists else {
            return (.failed, "no case folder \(folder); add valid-<case>.<ext> with its golden valid-<case>.profile.json"
                    + (importer != nil ? ", and invalid-<case>.<ext> with invalid-<case>.error" : ""))
        }
        var problems = cases.problems
        if cases.validCases.isEmpty {
            problems.append("no valid case (valid-<case>.<ext> with valid-<case>.profile.json)")
        }
        if importer != nil && cases.invalidCases.isEmpty {
            problems.append("no invalid case (invalid-<case>.<ext> with invalid-<case>.error); an importer must show how it fails")
        }
        guard problems.isEmpty else {
            return (.failed, "\(folder):\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
        return (.passed, "\(cases.validCases.count) valid and \(cases.invalidCases.count) invalid cases")
    }
}
