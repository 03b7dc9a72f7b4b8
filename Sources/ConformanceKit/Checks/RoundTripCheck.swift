import FormatKit
import Foundation
import ProfileModel

/// Check 4, round-trip: every reference table exports and re-imports equal to itself, except
/// for differences the losses of the export's own plan declare; an undeclared loss fails. It
/// runs with the battery's export options, and again with every other value of every
/// enumerated option the exporter declares (each choice, the ends of an integer range), so that
/// each setting's output and losses are checked. An export-only plugin instead exports each
/// valid case's golden and must write exactly the case file.
extension BatteryRun {
    func runRoundTrip() {
        guard let exporter else { return skipCheck(.roundTrip, "import-only plugin: nothing to export") }
        let references = referenceTables()
        if references.isEmpty {
            item(.roundTrip, "reference tables") {
                (.failed, "no reference tables (*.profile.json) found in \(battery.environment.referenceDirectory?.path ?? "any Conformance/reference folder"); pass the folder with --reference")
            }
        }
        var represented = 0
        for reference in references {
            item(.roundTrip, "reference \(reference.name)") {
                let result = roundTrip(reference.file, with: exporter, options: options.exportOptions)
                if result.0 != .skipped { represented += 1 }
                return result
            }
        }
        for (setting, settingOptions) in optionVariants(of: exporter) {
            for reference in references {
                item(.roundTrip, "reference \(reference.name) [\(setting)]") {
                    roundTrip(reference.file, with: exporter, options: settingOptions)
                }
            }
        }
        let ranAll = references.allSatisfy { !completed.contains(ItemKey(check: .roundTrip, subject: "reference \($0.name)")) }
        if !references.isEmpty && ranAll && !stopped && represented == 0 {
            item(.roundTrip, "reference tables") { (.failed, "the plugin could represent none of the reference tables") }
        }
        if importer == nil {
            for validCase in cases.validCases {
                item(.roundTrip, validCase.id) { exportMatchesCase(validCase, with: exporter) }
            }
        }
    }

    /// The battery's export options with one declared option set to another value, for every
    /// representative value of every declared option that differs from the one in force.
    func optionVariants(of exporter: any ProfileExporter) -> [(setting: String, options: ExportOptions)] {
        let base = options.exportOptions
        var variants: [(String, ExportOptions)] = []
        for option in exporter.format.exportOptions {
            for value in option.representativeValues where value != base.value(of: option) {
                var variant = base
                variant.parameters[option.name] = value
                variants.append(("\(option.name)=\(value)", variant))
            }
        }
        return variants
    }

    /// The reference tables, `<name>.profile.json`, sorted by name.
    func referenceTables() -> [(name: String, file: URL)] {
        guard let directory = battery.environment.referenceDirectory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".profile.json") }.sorted().map {
            (String($0.dropLast(".profile.json".count)), directory.appendingPathComponent($0))
        }
    }

    private func roundTrip(_ file: URL, with exporter: any ProfileExporter, options exportOptions: ExportOptions) -> (Verdict, String) {
        let reference: ProfileTable
        switch readProfile(file) {
        case .success(let table): reference = table
        case .failure(let problem): return (.failed, "reference table: \(problem.text)")
        }
        let bytes: [UInt8]
        let losses: [DeclaredLoss]
        switch export(reference, with: exporter, options: exportOptions) {
        case .hung: return (.failed, "export \(hangMessage)")
        case .failed(.cannotRepresent(let reason)): return (.skipped, "the format cannot represent this table: \(reason)")
        case .failed(let error): return (.failed, "export failed: \(error)")
        case .written(let written, let declared): (bytes, losses) = (written, declared)
        }
        guard let importer else { return (.passed, "exported \(bytes.count) bytes (export-only plugin: nothing to re-import)") }
        let copy = scratchFolder().appendingPathComponent("\(file.deletingPathExtension().deletingPathExtension().lastPathComponent).\(format.extensions.first ?? "out")")
        if case .failure(let problem) = writeFile(bytes, to: copy) { return (.failed, problem.text) }
        let reimported: ProfileTable
        switch importFile(copy, name: copy.lastPathComponent, companions: [:], with: importer) {
        case .hung: return (.failed, "re-import \(hangMessage)")
        case .failed(let error): return (.failed, "re-importing the export failed: \(error)")
        case .table(let table): reimported = table
        }
        let declared = losses.map(\.field)
        func isDeclared(_ field: ProfileField) -> Bool { declared.contains { field.isCovered(byLossOf: $0) } }
        let (expected, actual) = normalized(reference, reimported, unitLost: isDeclared(.unit),
                                            structureLost: isDeclared(.structure))
        var rules = options.rules
        rules.allowImporterAdditions = true
        rules.matchTaxaByLabel = isDeclared(.taxonIDs)
        let differences = ProfileComparison.differences(expected: expected, actual: actual, rules: rules)
        let undeclared = differences.filter { !isDeclared($0.field) }
        guard undeclared.isEmpty else {
            return (.failed, describe(undeclared, against: "the reference table that the export plan's losses do not declare")
                    + "\n  declared losses: " + (losses.isEmpty ? "none" : losses.map(\.description).joined(separator: "; ")))
        }
        if differences.isEmpty { return (.passed, "re-imported equal") }
        let fields = Set(differences.map(\.field.rawValue)).sorted().joined(separator: ", ")
        return (.passed, "re-imported equal except declared losses (\(fields))")
    }

    /// Puts both tables in the same unit and structure when the exporter declares that it
    /// loses them, so that the remaining comparison is about the values themselves.
    private func normalized(_ reference: ProfileTable, _ reimported: ProfileTable, unitLost: Bool,
                            structureLost: Bool) -> (ProfileTable, ProfileTable) {
        var expected = reference
        var actual = reimported
        if structureLost, expected.structure == .cladeCumulative, actual.structure == .leaves {
            expected = expected.toLeaves()
            expected.provenance = reference.provenance
        }
        if unitLost, expected.unit != actual.unit, let converted = try? actual.converted(to: expected.unit) {
            actual = converted
            actual.provenance = reimported.provenance
        }
        return (expected, actual)
    }

    /// For an export-only plugin: the golden of a valid case exports to exactly the case file.
    private func exportMatchesCase(_ validCase: ConformanceCase, with exporter: any ProfileExporter) -> (Verdict, String) {
        let golden: ProfileTable
        switch readProfile(validCase.golden) {
        case .success(let table): golden = table
        case .failure(let problem): return (.failed, problem.text)
        }
        let bytes: [UInt8]
        switch export(golden, with: exporter, options: options.exportOptions) {
        case .hung: return (.failed, "export \(hangMessage)")
        case .failed(let error): return (.failed, "export of \(validCase.golden.lastPathComponent) failed: \(error)")
        case .written(let written, _): bytes = written
        }
        if options.record {
            if case .failure(let problem) = writeFile(bytes, to: validCase.input) { return (.failed, "MHUB_RECORD=1: \(problem.text)") }
            return (.failed, "MHUB_RECORD=1: recorded \(validCase.input.lastPathComponent); review it, then run again without MHUB_RECORD")
        }
        let expected = [UInt8](FileManager.default.contents(atPath: validCase.input.path) ?? Data())
        guard let difference = ByteDifference.first(expected, bytes) else { return (.passed, "export equals the case file") }
        return (.failed, "the export of \(validCase.golden.lastPathComponent) differs from \(validCase.input.lastPathComponent): \(difference)")
    }
}
