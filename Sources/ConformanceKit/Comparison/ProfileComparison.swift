import FormatKit
import ProfileModel

/// Compares two profile tables field by field and lists how they differ.
///
/// Samples are matched by id and taxa by id (or label, see ``ComparisonRules``), so a
/// reordering shows up once as an order difference instead of as every value moving.
/// This is deliberately not `Equatable`: equality here has a tolerance and rules.
public enum ProfileComparison {
    /// The differences between `expected` and `actual`, table-level fields first, at most `limit`.
    public static func differences(expected: ProfileTable, actual: ProfileTable, rules: ComparisonRules = .exact,
                                   limit: Int = 10_000) -> [ProfileDifference] {
        var collector = DifferenceCollector(rules: rules, limit: limit)
        collector.compare(expected, actual)
        return collector.differences
    }
}

/// Walks two tables and records differences until the limit.
private struct DifferenceCollector {
    let rules: ComparisonRules
    let limit: Int
    var differences: [ProfileDifference] = []

    init(rules: ComparisonRules, limit: Int) {
        self.rules = rules
        self.limit = limit
    }

    var isFull: Bool { differences.count >= limit }

    mutating func note(_ field: ProfileField, _ subject: String, expected: String, actual: String) {
        guard !isFull else { return }
        differences.append(ProfileDifference(field: field, subject: subject, expected: expected, actual: actual))
    }

    mutating func compare(_ expected: ProfileTable, _ actual: ProfileTable) {
        if expected.unit != actual.unit {
            note(.unit, "", expected: expected.unit.description, actual: actual.unit.description)
        }
        if expected.structure != actual.structure {
            note(.structure, "", expected: expected.structure.rawValue, actual: actual.structure.rawValue)
        }
        let samplePairs = matchSamples(expected, actual)
        let taxonPairs = matchTaxa(expected, actual)
        for (expectedIndex, actualIndex) in samplePairs {
            compareMetadata(expected.samples[expectedIndex].metadata, actual.samples[actualIndex].metadata,
                            field: .sampleMetadata, subject: "sample '\(expected.samples[expectedIndex].id)'")
            compareSource(expected.samples[expectedIndex].source, actual.samples[actualIndex].source, field: .sampleSources,
                          subject: "sample '\(expected.samples[expectedIndex].id)' ", lenient: false)
        }
        for (expectedIndex, actualIndex) in taxonPairs {
            compareTaxon(expected.taxa[expectedIndex], actual.taxa[actualIndex])
        }
        compareAbundances(expected, actual, samplePairs: samplePairs, taxonPairs: taxonPairs)
        compareProvenance(expected.provenance, actual.provenance)
        compareDiagnostics(expected.diagnostics, actual.diagnostics)
    }

    // MARK: Samples and taxa

    /// Pairs of (expected index, actual index) for samples present in both; records missing,
    /// extra and reordered samples.
    mutating func matchSamples(_ expected: ProfileTable, _ actual: ProfileTable) -> [(Int, Int)] {
        matchKeys(expected.samples.map(\.id), actual.samples.map(\.id), field: .sampleIDs,
                  orderField: .sampleOrder, noun: "sample")
    }

    mutating func matchTaxa(_ expected: ProfileTable, _ actual: ProfileTable) -> [(Int, Int)] {
        let key: (Taxon) -> String = rules.matchTaxaByLabel ? { $0.label } : { $0.id }
        return matchKeys(expected.taxa.map(key), actual.taxa.map(key),
                         field: rules.matchTaxaByLabel ? .taxonLabels : .taxonIDs, orderField: .taxonOrder, noun: "taxon")
    }

    mutating func matchKeys(_ expected: [String], _ actual: [String], field: ProfileField, orderField: ProfileField,
                            noun: String) -> [(Int, Int)] {
        var actualIndex: [String: Int] = [:]
        for (index, key) in actual.enumerated() where actualIndex[key] == nil { actualIndex[key] = index }
        let expectedKeys = Set(expected)
        var pairs: [(Int, Int)] = []
        for (index, key) in expected.enumerated() {
            if let match = actualIndex[key] {
                pairs.append((index, match))
            } else {
                note(field, "\(noun) '\(key)'", expected: "present", actual: "missing")
            }
        }
        for key in actual where !expectedKeys.contains(key) {
            note(field, "\(noun) '\(key)'", expected: "absent", actual: "present")
        }
        let commonInExpectedOrder = pairs.map { expected[$0.0] }
        let commonInActualOrder = actual.filter { expectedKeys.contains($0) }
        if commonInExpectedOrder != commonInActualOrder,
           let first = zip(commonInExpectedOrder, commonInActualOrder).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            note(orderField, "position \(first.offset + 1)", expected: "\(noun) '\(first.element.0)'",
                 actual: "\(noun) '\(first.element.1)'")
        }
        return pairs
    }

    mutating func compareTaxon(_ expected: Taxon, _ actual: Taxon) {
        let subject = "taxon '\(rules.matchTaxaByLabel ? expected.label : expected.id)'"
        if expected.id != actual.id { note(.taxonIDs, subject, expected: quoted(expected.id), actual: quoted(actual.id)) }
        if expected.label != actual.label {
            note(.taxonLabels, subject, expected: quoted(expected.label), actual: quoted(actual.label))
        }
        if expected.lineage != actual.lineage {
            note(.taxonLineages, subject, expected: describe(expected.lineage), actual: describe(actual.lineage))
        }
        if expected.taxonID != actual.taxonID {
            note(.taxonIdentifiers, subject, expected: expected.taxonID?.description ?? "none",
                 actual: actual.taxonID?.description ?? "none")
        }
        compareMetadata(expected.metadata, actual.metadata, field: .taxonMetadata, subject: subject)
        if expected.origins != actual.origins {
            note(.taxonOrigins, subject, expected: describe(expected.origins), actual: describe(actual.origins))
        }
    }

    func describe(_ origins: [TaxonOrigin]) -> String {
        origins.isEmpty ? "none" : origins.map { "\(quoted($0.label))\($0.input.map { " from \($0)" } ?? "")" }.joined(separator: ", ")
    }

    // MARK: Values

    mutating func compareAbundances(_ expected: ProfileTable, _ actual: ProfileTable,
                                    samplePairs: [(Int, Int)], taxonPairs: [(Int, Int)]) {
        var actualTaxonForExpected = [Int?](repeating: nil, count: expected.taxa.count)
        var expectedTaxonForActual = [Int?](repeating: nil, count: actual.taxa.count)
        for (expectedIndex, actualIndex) in taxonPairs {
            actualTaxonForExpected[expectedIndex] = actualIndex
            expectedTaxonForActual[actualIndex] = expectedIndex
        }
        for (expectedSample, actualSample) in samplePairs {
            guard !isFull else { return }
            let sampleID = expected.samples[expectedSample].id
            var actualValues: [Int: Double] = [:]
            for entry in actual.abundances.entries(ofSample: actualSample) { actualValues[entry.taxon] = entry.value }
            for entry in expected.abundances.entries(ofSample: expectedSample) {
                guard let actualTaxon = actualTaxonForExpected[entry.taxon] else { continue }
                let value = actualValues.removeValue(forKey: actualTaxon) ?? 0
                if !rules.agree(entry.value, value) {
                    note(.abundances, "sample '\(sampleID)', taxon '\(expected.taxa[entry.taxon].id)'",
                         expected: NumberFormatting.shortest(entry.value), actual: NumberFormatting.shortest(value))
                }
            }
            for (actualTaxon, value) in actualValues.sorted(by: { $0.key < $1.key }) {
                guard let expectedTaxon = expectedTaxonForActual[actualTaxon] else { continue }
                note(.abundances, "sample '\(sampleID)', taxon '\(expected.taxa[expectedTaxon].id)'",
                     expected: "0", actual: NumberFormatting.shortest(value))
            }
        }
    }

    mutating func compareMetadata(_ expected: [String: MetadataValue], _ actual: [String: MetadataValue],
                                  field: ProfileField, subject: String) {
        for key in Set(expected.keys).union(actual.keys).sorted() {
            switch (expected[key], actual[key]) {
            case let (.some(want), .some(got)) where !agree(want, got):
                note(field, "\(subject) key '\(key)'", expected: describe(want), actual: describe(got))
            case let (.some(want), .none):
                note(field, "\(subject) key '\(key)'", expected: describe(want), actual: "missing")
            case let (.none, .some(got)):
                note(field, "\(subject) key '\(key)'", expected: "absent", actual: describe(got))
            default:
                break
            }
        }
    }

    /// Metadata equality with the numeric tolerance, applied inside lists and objects too.
    func agree(_ first: MetadataValue, _ second: MetadataValue) -> Bool {
        switch (first, second) {
        case let (.number(a), .number(b)): return rules.agree(a, b)
        case let (.list(a), .list(b)): return a.count == b.count && zip(a, b).allSatisfy { agree($0, $1) }
        case let (.object(a), .object(b)):
            return a.keys.sorted() == b.keys.sorted() && a.allSatisfy { key, value in agree(value, b[key]!) }
        default: return first == second
        }
    }

    // MARK: Provenance and diagnostics

    static let fileDescribingSourceKeys: Set<SourceKey> = [.sourceFormat, .sourceFile]

    mutating func compareProvenance(_ expected: Provenance, _ actual: Provenance) {
        let lenient = rules.allowImporterAdditions
        compareSource(expected.source, actual.source, field: .provenanceSource, subject: "", lenient: lenient)
        let comparedSteps = lenient ? Array(actual.steps.prefix(expected.steps.count)) : actual.steps
        if comparedSteps != expected.steps {
            let position = zip(expected.steps, comparedSteps).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expected.steps.count, comparedSteps.count)
            note(.provenanceSteps, "step \(position + 1)",
                 expected: position < expected.steps.count ? describe(expected.steps[position]) : "no step",
                 actual: position < comparedSteps.count ? describe(comparedSteps[position]) : "no step")
        }
    }

    /// Source facts key by key; `lenient` lets a re-import add facts and describe its own file.
    mutating func compareSource(_ expected: SourceFacts, _ actual: SourceFacts, field: ProfileField, subject: String,
                                lenient: Bool) {
        for key in Set(expected.keys).union(actual.keys).sorted() {
            if lenient && Self.fileDescribingSourceKeys.contains(key) { continue }
            let want = expected[key], got = actual[key]
            if want == got || (lenient && want == nil) { continue }
            note(field, "\(subject)key '\(key)'", expected: want.map(quoted) ?? "absent", actual: got.map(quoted) ?? "missing")
        }
    }

    mutating func compareDiagnostics(_ expected: [Diagnostic], _ actual: [Diagnostic]) {
        var unmatched = actual
        for diagnostic in expected {
            if let index = unmatched.firstIndex(of: diagnostic) {
                unmatched.remove(at: index)
            } else {
                note(.diagnostics, diagnostic.code, expected: quoted(diagnostic.description), actual: "missing")
            }
        }
        guard !rules.allowImporterAdditions else { return }
        for diagnostic in unmatched {
            note(.diagnostics, diagnostic.code, expected: "absent", actual: quoted(diagnostic.description))
        }
    }

    // MARK: Descriptions

    func quoted(_ text: String) -> String { "'\(text)'" }

    func describe(_ lineage: Lineage) -> String {
        lineage.isEmpty ? "empty lineage" : lineage.entries.map { "\($0.rank.rawValue):\($0.name)" }.joined(separator: "; ")
    }

    func describe(_ value: MetadataValue) -> String {
        switch value {
        case .string(let text): "string '\(text)'"
        case .integer(let number): "integer \(number)"
        case .number(let number): "number \(NumberFormatting.shortest(number))"
        case .date(let text): "date \(text)"
        case .bool(let flag): "bool \(flag)"
        case .list(let values): "[" + values.map(describe).joined(separator: ", ") + "]"
        case .object(let values): "{" + values.keys.sorted().map { "\($0): \(describe(values[$0]!))" }.joined(separator: ", ") + "}"
        case .null: "null"
        }
    }

    func describe(_ step: ProvenanceStep) -> String {
        let parameters = step.parameters.keys.sorted().map { "\($0)=\(step.parameters[$0]!)" }.joined(separator: ", ")
        return "\(step.action)\(step.format.map { " (\($0))" } ?? "")\(parameters.isEmpty ? "" : " {\(parameters)}")"
    }
}
