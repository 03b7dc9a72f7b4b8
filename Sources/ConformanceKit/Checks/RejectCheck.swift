import FormatKit
import Foundation
import ProfileModel

/// Check 3, reject: every invalid case fails with the error code its `.error` file declares,
/// at the declared line when one is given; never a crash, a hang or a table.
extension BatteryRun {
    func runReject() {
        guard let importer else { return skipCheck(.reject, "export-only plugin: nothing to reject") }
        for invalidCase in cases.invalidCases {
            item(.reject, invalidCase.id) { check(invalidCase, with: importer) }
        }
    }

    private func check(_ invalidCase: ConformanceCase, with importer: any ProfileImporter) -> (Verdict, String) {
        let errorFile = invalidCase.expectedError
        guard let data = FileManager.default.contents(atPath: errorFile.path) else {
            return (.failed, "no \(errorFile.lastPathComponent) declaring the expected error (`code: <code>`, optional `line: <n>`)")
        }
        let expected: ExpectedError
        switch ExpectedError.parse(String(decoding: data, as: UTF8.self)) {
        case .success(let parsed): expected = parsed
        case .failure(let problem): return (.failed, "\(errorFile.lastPathComponent): \(problem)")
        }
        switch importCase(invalidCase, with: importer) {
        case .hung:
            return (.failed, "import \(hangMessage)")
        case .table(let table):
            return (.failed, "imported a table (\(table.samples.count) samples, \(table.taxa.count) taxa) instead of failing with \(expected)")
        case .failed(let error):
            let actual = ExpectedError(code: error.code, line: error.location.line)
            if actual.code != expected.code || (expected.line != nil && actual.line != expected.line) {
                return (.failed, "failed with \(actual), expected \(expected): \(error)")
            }
            return (.passed, "failed as declared: \(error)")
        }
    }
}
