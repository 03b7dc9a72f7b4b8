import BuiltInFormats
import Foundation
import FormatKit
import XCTest

/// Checks the conformance cases of the tabular and descriptor formats: every valid case is
/// detected as its folder's format and imports; every invalid case fails with the code and
/// line its `.error` file declares. (Goldens are compared by the conformance kit.)
final class ConformanceCaseTests: XCTestCase {
    static let formats = ["biom-tsv", "wide-tsv", "wide-csv", "long-tsv", "long-csv", "bracken-abundance", "kaiju-table",
                          "sourmash-gather", "kmcp-profile", "ganon-report", "mgnify-study-summary",
                          "qiime1-taxa-summary", "ubiome-csv"]

    private func cases(of format: String) throws -> [URL] {
        let folder = TableTestSupport.packageRoot.appendingPathComponent("Conformance/\(format)")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasSuffix(".error") && !$0.lastPathComponent.hasSuffix(".profile.json") }
            .sorted { $0.path < $1.path }
    }

    /// The case name: the file name up to its first dot (`invalid-ragged-row.ganon.tre` → `invalid-ragged-row`).
    private func caseName(_ url: URL) -> String {
        String(url.lastPathComponent.prefix { $0 != "." })
    }

    func testEveryFormatHasValidAndInvalidCases() throws {
        for format in Self.formats {
            let names = try cases(of: format).map(caseName)
            XCTAssertTrue(names.contains { $0.hasPrefix("valid-") }, "\(format) has no valid case")
            XCTAssertTrue(names.contains { $0.hasPrefix("invalid-") }, "\(format) has no invalid case")
        }
    }

    func testValidCasesAreDetectedAndImport() throws {
        let registry = try BuiltInFormats.registry()
        for format in Self.formats {
            for url in try cases(of: format) where caseName(url).hasPrefix("valid-") {
                let input = ImportInput(url: url, name: url.lastPathComponent)
                let ranked = registry.detect(try input.prefix())
                XCTAssertEqual(ranked.first?.formatID, format, "\(url.lastPathComponent): \(ranked.prefix(3))")
                if ranked.count > 1 { XCTAssertLessThan(ranked[1].confidence, ranked[0].confidence, url.lastPathComponent) }
                do {
                    let table = try registry.importer(id: format).read(input, options: ImportOptions())
                    XCTAssertFalse(table.samples.isEmpty, url.lastPathComponent)
                    XCTAssertGreaterThan(table.abundances.nonZeroCount, 0, url.lastPathComponent)
                } catch {
                    XCTFail("\(url.lastPathComponent): \(error)")
                }
            }
        }
    }

    func testInvalidCasesFailWithTheirDeclaredCodeAndLine() throws {
        let registry = try BuiltInFormats.registry()
        for format in Self.formats {
            for url in try cases(of: format) where caseName(url).hasPrefix("invalid-") {
                let expectation = try String(contentsOf: url.deletingLastPathComponent()
                    .appendingPathComponent(caseName(url) + ".error"), encoding: .utf8)
                var declared: [String: String] = [:]
                for line in expectation.split(separator: "\n") {
                    let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    if parts.count == 2 { declared[parts[0]] = parts[1] }
                }
                let importer = try registry.importer(id: format)
                do throws(ImportError) {
                    _ = try importer.read(ImportInput(url: url, name: url.lastPathComponent), options: ImportOptions())
                    XCTFail("\(url.lastPathComponent) imported without error")
                } catch {
                    XCTAssertEqual(error.code, declared["code"], "\(url.lastPathComponent): \(error)")
                    if let line = declared["line"] {
                        XCTAssertEqual(error.location.line.map(String.init), line, "\(url.lastPathComponent): \(error)")
                    }
                }
            }
        }
    }
}
