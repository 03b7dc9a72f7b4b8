import Foundation

/// A small tab-separated data file that ships with the engine (or that a user points to):
/// `#` comment lines, one header line, then rows with the header's number of fields.
struct DataTable {
    /// The header's field names.
    let columns: [String]
    /// Each row as a field-name → value dictionary, with its line number.
    let rows: [(line: Int, fields: [String: String])]

    /// Parses `text`; `name` is used in errors.
    init(text: String, name: String, required: [String]) throws(AnalysisError) {
        var header: [String]?
        var rows: [(line: Int, fields: [String: String])] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                for column in required where !fields.contains(column) {
                    throw .malformedData(file: name, line: offset + 1, reason: "the header lacks the column '\(column)'")
                }
                header = fields
                continue
            }
            guard fields.count == columns.count else {
                throw .malformedData(file: name, line: offset + 1,
                                     reason: "expected \(columns.count) tab-separated fields, found \(fields.count)")
            }
            rows.append((offset + 1, Dictionary(uniqueKeysWithValues: zip(columns, fields))))
        }
        guard let header else { throw .malformedData(file: name, line: 1, reason: "no header line") }
        self.columns = header
        self.rows = rows
    }

    /// The file `name` from the engine's bundled data.
    static func bundled(_ name: String, required: [String]) throws(AnalysisError) -> DataTable {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Data"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw .malformedData(file: name, line: 0, reason: "the bundled data file is missing from the build")
        }
        return try DataTable(text: String(decoding: data, as: UTF8.self), name: name, required: required)
    }

    /// A file given by path.
    static func file(at path: String, required: [String]) throws(AnalysisError) -> DataTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .malformedData(file: path, line: 0, reason: "cannot read the file")
        }
        return try DataTable(text: String(decoding: data, as: UTF8.self), name: path, required: required)
    }
}
