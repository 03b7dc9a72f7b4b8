import Foundation
import FormatKit
import ProfileModel
import XCTest

/// Helpers shared by the tabular tests.
enum TableTestSupport {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func input(_ text: String, name: String) throws -> ImportInput {
        try ImportInput.bytes(Array(text.utf8), name: name)
    }

    static func read(_ bytes: [UInt8], name: String, with importer: any ProfileImporter,
                     options: ImportOptions = ImportOptions()) throws(ImportError) -> ProfileTable {
        try importer.read(try ImportInput.bytes(bytes, name: name), options: options)
    }

    static func read(_ text: String, name: String, with importer: any ProfileImporter,
                     options: ImportOptions = ImportOptions()) throws(ImportError) -> ProfileTable {
        try read(Array(text.utf8), name: name, with: importer, options: options)
    }

    /// The error a read fails with, or a test failure when it succeeds.
    static func error(reading text: String, name: String, with importer: any ProfileImporter,
                      options: ImportOptions = ImportOptions(),
                      file: StaticString = #filePath, line: UInt = #line) -> ImportError? {
        do {
            _ = try read(text, name: name, with: importer, options: options)
            XCTFail("expected an import error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    /// Writes `table` with `exporter` and returns the text.
    static func write(_ table: ProfileTable, with exporter: any ProfileExporter,
                      options: ExportOptions = ExportOptions()) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        var sink = try OutputSink(fileURL: url)
        try exporter.write(table, to: &sink, options: options)
        try sink.flush()
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The parts of a table that describe the data (provenance and diagnostics left out).
    struct Content: Equatable {
        var samples: [Sample]
        var taxa: [Taxon]
        var abundances: SparseAbundances
        var unit: AbundanceUnit
        var structure: ProfileStructure

        init(_ table: ProfileTable) {
            samples = table.samples
            taxa = table.taxa
            abundances = table.abundances
            unit = table.unit
            structure = table.structure
        }
    }

    /// UTF-16 little-endian bytes with a BOM.
    static func utf16LE(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return bytes
    }
}
