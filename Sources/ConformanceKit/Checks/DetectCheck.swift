import FormatKit
import Foundation
import ProfileModel

/// Check 1, detect: every valid case is detected as this format through the whole registry,
/// and no other plugin claims it with equal or higher confidence.
extension BatteryRun {
    func runDetect() {
        guard importer != nil else { return skipCheck(.detect, "export-only plugin: nothing to detect") }
        let registry: FormatRegistry
        if battery.environment.registry.plugin(id: format.id) != nil {
            registry = battery.environment.registry
        } else {
            do { registry = try battery.environment.registry.adding([plugin]) } catch {
                return item(.detect, "plugin") { (.failed, "cannot register the plugin beside the others: \(error)") }
            }
        }
        for validCase in cases.validCases {
            item(.detect, validCase.id) { detect(validCase, in: registry) }
        }
    }

    private func detect(_ validCase: ConformanceCase, in registry: FormatRegistry) -> (Verdict, String) {
        let input = ImportInput(url: validCase.input, name: validCase.input.lastPathComponent)
        let prefix: InputPrefix
        do { prefix = try input.prefix() } catch {
            return (.failed, "cannot read the case: \(error)")
        }
        guard let candidates = bounded({ registry.detect(prefix) }) else {
            return (.failed, "detection \(hangMessage)")
        }
        let others = candidates.filter { $0.formatID != format.id }
        guard let mine = candidates.first(where: { $0.formatID == format.id }),
              mine.confidence > Detection.unsure(reason: "").confidence else {
            let verdict = candidates.first { $0.formatID == format.id }.map { "only unsure (\($0.reason))" } ?? "no match"
            let claimed = others.isEmpty ? "no plugin claims it"
                : "claimed by " + others.map(describe).joined(separator: "; ")
            return (.failed, "not detected as \(format.id) (it answered \(verdict)); \(claimed)")
        }
        let rivals = others.filter { $0.confidence >= mine.confidence }
        guard rivals.isEmpty else {
            return (.failed, "\(format.id) detects it with \(describe(mine)), but "
                    + rivals.map(describe).joined(separator: "; ") + " claims it as strongly or more")
        }
        return (.passed, describe(mine))
    }

    private func describe(_ candidate: DetectionCandidate) -> String {
        "\(candidate.formatID) at \(NumberFormatting.shortest(candidate.confidence)) (\(candidate.reason))"
    }
}
