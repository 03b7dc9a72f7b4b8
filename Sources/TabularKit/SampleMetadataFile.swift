import FormatKit
import ProfileModel

/// A sample metadata file as QIIME 2 and QIIME 1 users keep them, read into typed rows for
/// ``ProfileModel/ProfileTable/joiningSampleMetadata(_:file:)``.
///
/// - QIIME 2 metadata TSV: the first column is the id (`sample-id`, `id`, `sampleid`,
///   `#SampleID`, `sample_name`, … case-insensitively); an optional `#q2:types` row right after
///   the header declares each column `categorical` or `numeric`; other lines starting with `#`
///   are comments; empty cells are missing values.
///   (https://docs.qiime2.org/2024.10/tutorials/metadata/)
/// - QIIME 1 mapping file: the header starts with `#SampleID`; columns are typed by their values.
///
/// Untyped columns take ``ProfileModel/MetadataValue/inferred(from:)``; `numeric` columns must
/// hold numbers (an error naming the line otherwise) and `categorical` ones stay text.
public enum SampleMetadataFile {
    /// Id column names QIIME 2 accepts (compared case-insensitively).
    static let idHeaders: Set<String> = ["id", "sampleid", "sample id", "sample-id", "featureid", "feature id", "feature-id",
                                         "#sampleid", "#sample id", "#featureid", "#feature id", "sample_name", "#otuid", "#otu id"]

    private enum ColumnType { case inferred, categorical, numeric }

    /// The rows of the file in order: sample id and its typed values.
    public static func read(_ input: ImportInput) throws(ImportError) -> [(id: String, values: [String: MetadataValue])] {
        let text = String(decoding: try input.readAllText(limit: 256 << 20), as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var header: [String]?
        var types: [ColumnType] = []
        var rows: [(id: String, values: [String: MetadataValue])] = []
        var seen: [String: Int] = [:]
        for (offset, rawLine) in lines.enumerated() {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : rawLine
            let number = offset + 1
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { unquote(String($0)) }
            guard let columns = header else {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                guard let first = cells.first, idHeaders.contains(first.lowercased()) else {
                    if line.hasPrefix("#") { continue }
                    throw .syntax(input.location(line: number, column: 1),
                                  reason: "the first column of a sample metadata header must be the sample id (sample-id, id, #SampleID, …), not '\(cells.first ?? "")'")
                }
                header = cells
                types = Array(repeating: .inferred, count: cells.count)
                continue
            }
            if cells.first?.lowercased() == "#q2:types" {
                guard rows.isEmpty else {
                    throw .syntax(input.location(line: number, column: 1), reason: "#q2:types must come right after the header")
                }
                for (index, cell) in cells.enumerated().dropFirst() where index < types.count {
                    switch cell.lowercased() {
                    case "categorical": types[index] = .categorical
                    case "numeric": types[index] = .numeric
                    case "": break
                    default:
                        throw .invalidValue(input.location(line: number, column: index + 1), value: cell,
                                            reason: "is not a QIIME 2 column type (categorical, numeric)")
                    }
                }
                continue
            }
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let id = cells[0].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { throw .missingField(input.location(line: number, column: 1), field: columns[0]) }
            if let earlier = seen[id] {
                throw .duplicateSample(input.location(line: number, column: 1), id: "\(id)' (first on line \(earlier))")
            }
            seen[id] = number
            guard cells.count <= columns.count else {
                throw .shapeMismatch(input.location(line: number, column: columns.count + 1),
                                     reason: "the row has \(cells.count) cells but the header \(columns.count)")
            }
            var values: [String: MetadataValue] = [:]
            for index in 1..<cells.count where !cells[index].isEmpty {
                values[columns[index]] = try typed(cells[index], as: types[index], at: input.location(line: number, column: index + 1))
            }
            rows.append((id, values))
        }
        guard header != nil else { throw .emptyInput(input.location(line: 1)) }
        return rows
    }

    private static func typed(_ cell: String, as type: ColumnType, at location: SourceLocation) throws(ImportError) -> MetadataValue {
        switch type {
        case .categorical: return .string(cell)
        case .inferred: return .inferred(from: cell)
        case .numeric:
            if let integer = Int64(cell) { return .integer(integer) }
            guard let number = Double(cell), number.isFinite else {
                throw .invalidValue(location, value: cell, reason: "is not a number, but the column is declared numeric")
            }
            return .number(number)
        }
    }

    private static func unquote(_ cell: String) -> String {
        if cell.count >= 2, cell.hasPrefix("\""), cell.hasSuffix("\"") { return String(cell.dropFirst().dropLast()) }
        return cell
    }
}
