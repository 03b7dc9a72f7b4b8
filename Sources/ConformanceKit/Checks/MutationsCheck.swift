import FormatKit
import Foundation
import ProfileModel

/// Check 6, mutations: every valid case imports to its golden again after CRLF line endings,
/// a byte order mark (of the case's encoding: UTF-16 cases get UTF-16 edits), a missing final newline, trailing blank lines and gzip; cut at
/// several offsets it either fails with a typed error or imports, within the time bound.
///
/// A truncated input that imports to a different table passes with a note: a line-based
/// format cannot tell a file cut at a line end from a shorter file. Binary formats skip the
/// text mutations and say so.
extension BatteryRun {
    func runMutations() {
        guard let importer else { return skipCheck(.mutations, "export-only plugin: nothing to import") }
        // Without goldens there is nothing to compare a mutated import with: the check is skipped
        // as a whole, so that a recording run never reports it as passed.
        if options.record { return skipCheck(.mutations, "recording goldens: the mutations are checked on the next run") }
        for validCase in cases.validCases {
            let stream: [UInt8]
            do { stream = try readAll(validCase.input) } catch {
                item(.mutations, validCase.id) { (.failed, "cannot read the case: \(error)") }
                continue
            }
            if format.isBinary {
                item(.mutations, "\(validCase.id) [text]") {
                    (.skipped, "binary format: the text mutations (\(Mutation.textMutations.map(\.name).joined(separator: ", "))) do not apply")
                }
            }
            let golden: ProfileTable?
            if case .success(let table) = expectedTable(for: validCase) { golden = table } else { golden = nil }
            for mutation in Mutation.battery(forSize: stream.count, binary: format.isBinary) {
                item(.mutations, "\(validCase.id) [\(mutation.name)]") {
                    check(validCase, mutation, bytes: stream, golden: golden, with: importer)
                }
            }
        }
    }

    /// The case input, decompressed but not text-decoded.
    private func readAll(_ file: URL) throws(ImportError) -> [UInt8] {
        let stream = try ImportInput(url: file, name: file.lastPathComponent).openBytes()
        var bytes: [UInt8] = []
        while true {
            let chunk = try stream.read(maxCount: 1 << 20)
            if chunk.isEmpty { return bytes }
            bytes += chunk
        }
    }

    private func check(_ validCase: ConformanceCase, _ mutation: Mutation, bytes: [UInt8], golden: ProfileTable?,
                       with importer: any ProfileImporter) -> (Verdict, String) {
        guard let mutated = mutation.apply(to: bytes, encoding: format.textEncoding) else {
            return (.skipped, "the case already has this form")
        }
        guard golden != nil || !mutation.preservesProfile else {
            return (.skipped, "no readable golden to compare with (see the import check)")
        }
        let file = scratchFolder().appendingPathComponent(validCase.input.lastPathComponent)
        if case .failure(let problem) = writeFile(mutated, to: file) { return (.failed, problem.text) }
        let outcome = importFile(file, name: validCase.input.lastPathComponent, companions: validCase.companions, with: importer)
        switch (outcome, golden) {
        case (.hung, _):
            return (.failed, "import \(hangMessage)")
        case (.failed(let error), _) where mutation.preservesProfile:
            return (.failed, "import failed after the \(mutation.name) mutation: \(error)")
        case (.failed(let error), _):
            return (.passed, "typed error [\(error.code)]")
        case (.table(let table), let golden?):
            let differences = ProfileComparison.differences(expected: golden, actual: table, rules: options.rules)
            if differences.isEmpty { return (.passed, "equal to the golden") }
            if mutation.preservesProfile {
                return (.failed, describe(differences, against: "the golden after the \(mutation.name) mutation"))
            }
            return (.passed, "imported a different table (\(table.samples.count) samples, \(table.taxa.count) taxa); the format cannot signal this truncation")
        case (.table(let table), nil):
            return (.passed, "imported a table (\(table.samples.count) samples, \(table.taxa.count) taxa)")
        }
    }
}
