import FormatKit
import ProfileModel
import StreamingJSON

/// Reads a BIOM 1.0 JSON document into a ``ProfileTable`` in one streaming pass.
///
/// Top-level keys may come in any order (biom-format writes `data` before `rows`, QIIME 1.4
/// writes `matrix_type` after `data`), so rows and columns go into the builder as they are
/// read, and the matrix entries into compact arrays (16 bytes each) until both axes are
/// known. When `matrix_type` has not been seen by the time `data` starts, the elements are
/// kept as plain number lists and interpreted at the end. No JSON tree is ever built except
/// for one row's or column's metadata at a time.
struct BIOMJSONReader: ~Copyable {
    private let input: ImportInput
    private let options: ImportOptions
    private var header = BIOMHeader()
    private var matrixType: String?
    private var elementType: String?
    private var shape: (rows: Int, columns: Int)?
    private var shapeLocation: SourceLocation?
    private var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
    private var seen: Set<String> = []
    private var entries = Entries()
    private var rawElements: RawElements?
    private var dataLocation: SourceLocation
    private var endLocation: SourceLocation

    /// Matrix entries as parallel arrays: observation (row) index, sample (column) index, value.
    private struct Entries {
        var rows: [Int32] = []
        var columns: [Int32] = []
        var values: [Double] = []
        /// Whether every index was checked against `shape` when read.
        var checkedAgainstShape = true

        mutating func append(row: Int, column: Int, value: Double) {
            rows.append(Int32(row))
            columns.append(Int32(column))
            values.append(value)
        }

        mutating func append(contentsOf other: Entries) {
            rows += other.rows
            columns += other.columns
            values += other.values
        }
    }

    /// Sparse entries gathered on another thread once the shape is known: takes exactly the
    /// triplets ``addTriplet(_:)`` accepts, leaving every other element to it.
    private struct SparseEntries: NumberArrayCollector {
        let shape: (rows: Int, columns: Int)
        var entries = Entries()

        mutating func collect(_ values: [Double]) -> Bool {
            guard let (row, column) = try? BIOMJSONReader.triplet(values, shape: shape) else { return false }
            entries.append(row: row, column: column, value: values[2])
            return true
        }
    }

    /// `data` elements read before `matrix_type` was known: all numbers, and each element's count.
    private struct RawElements {
        var numbers: [Double] = []
        var counts: [Int32] = []
    }

    /// The most values one dense row reserves room for before they are read; wider rows grow.
    static let trustedRowWidth = 1 << 12

    /// Top-level keys the format defines; others are kept as source facts.
    static let fieldNames: Set<String> = ["id", "format", "format_url", "type", "generated_by", "date", "rows",
                                          "columns", "matrix_type", "matrix_element_type", "shape", "data", "comment"]

    init(input: ImportInput, options: ImportOptions) {
        self.input = input
        self.options = options
        dataLocation = input.location()
        endLocation = input.location()
    }

    consuming func read() throws(ImportError) -> ProfileTable {
        var reader = JSONReader(stream: try input.openText())
        do throws(JSONReadError) {
            try reader.expectBeginObject()
            while let key = try reader.nextKey() {
                guard seen.insert(key).inserted else { throw JSONReadError.duplicateKey(key, at: reader.tokenPosition) }
                try readMember(key, from: &reader)
            }
            endLocation = location(reader)
            try reader.expectEndOfInput()
        } catch {
            throw error.importError(file: input.name, path: reader.path.isEmpty ? nil : reader.path)
        }
        return try finish()
    }

    // MARK: - Members

    private mutating func readMember(_ key: String, from reader: inout JSONReader) throws(JSONReadError) {
        switch key {
        case "id": header.tableID = try readText(&reader)
        case "format": header.formatVersion = try readText(&reader)
        case "format_url": header.formatURL = try readText(&reader)
        case "type": header.type = try readText(&reader).flatMap { $0.isEmpty ? nil : $0 }
        case "generated_by": header.generatedBy = try readText(&reader)
        case "date": header.created = try readText(&reader)
        case "comment": header.comment = try readText(&reader)
        case "matrix_element_type": elementType = try readText(&reader)
        case "matrix_type":
            let value = try readText(&reader)
            guard value == "sparse" || value == "dense" else {
                throw .input(.invalidValue(location(reader), value: value ?? "null", reason: "is not a matrix_type (sparse or dense)"))
            }
            matrixType = value
        case "shape": try readShape(&reader)
        case "rows": try readAxis(&reader, observations: true)
        case "columns": try readAxis(&reader, observations: false)
        case "data": try readData(&reader)
        default:
            switch try reader.readValue() {
            case .string(let text): builder.provenance.source[SourceKey(name: key)] = text
            case .number(let number): builder.provenance.source[SourceKey(name: key)] = number.text
            case .bool(let flag): builder.provenance.source[SourceKey(name: key)] = String(flag)
            case .null, .array, .object: break
            }
        }
    }

    /// A scalar as text; `null` as `nil`.
    private func readText(_ reader: inout JSONReader) throws(JSONReadError) -> String? {
        switch try reader.readValue() {
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let flag): return String(flag)
        case .null: return nil
        case .array, .object: throw .typeMismatch(expected: "a string or null", found: "a structure", at: reader.tokenPosition)
        }
    }

    private mutating func readShape(_ reader: inout JSONReader) throws(JSONReadError) {
        try reader.expectBeginArray()
        shapeLocation = location(reader)
        let rows = try reader.readInt64()
        let columns = try reader.readInt64()
        try reader.expectEndArray()
        guard (0...Int64(Int32.max)).contains(rows), (0...Int64(Int32.max)).contains(columns) else {
            throw .input(.invalidValue(shapeLocation!, value: "[\(rows), \(columns)]", reason: "is not a shape of two non-negative sizes"))
        }
        shape = (Int(rows), Int(columns))
    }

    /// `rows` (observations) or `columns` (samples): objects with an `id` and `metadata`.
    ///
    /// Rows are read in runs whose taxonomies are mapped to lineages on every core and then
    /// added in order. A row that cannot be added is reported before any JSON error further
    /// on, as when each row is added as soon as it is read.
    private mutating func readAxis(_ reader: inout JSONReader, observations: Bool) throws(JSONReadError) {
        var pending: [PendingRow] = []
        do throws(JSONReadError) {
            try reader.expectBeginArray()
            while try reader.nextElement() {
                try reader.expectBeginObject()
                let start = location(reader)
                var id: String?
                var metadata: [String: MetadataValue]?
                while let key = try reader.nextKey() {
                    switch key {
                    case "id": id = try readText(&reader)
                    case "metadata":
                        switch try reader.readValue() {
                        case .null: metadata = nil
                        case .object(let members): metadata = members.mapValues(Self.metadataValue)
                        case let other:
                            throw .input(.invalidValue(location(reader), value: other.kindDescription, reason: "is not allowed as metadata; expected an object or null"))
                        }
                    default: try reader.skipValue()
                    }
                }
                guard let id else { throw .input(.missingField(start, field: "id")) }
                if observations {
                    pending.append(PendingRow(id: id, metadata: metadata, start: start))
                    if pending.count == Self.rowRunLength { try addTaxa(taking: &pending) }
                } else {
                    do { try builder.addSample(Sample(id: id, metadata: metadata ?? [:])) } catch { throw .input(ImportError(error, at: start)) }
                }
            }
        } catch {
            try addTaxa(taking: &pending)
            throw error
        }
        try addTaxa(taking: &pending)
    }

    /// A row read but not yet added to the builder.
    private struct PendingRow: Sendable {
        var id: String
        var metadata: [String: MetadataValue]?
        var start: SourceLocation
    }

    /// Rows mapped to taxa together.
    private static let rowRunLength = 4_096

    /// Maps the pending rows' taxonomies on every core and adds the taxa in order, emptying `pending`.
    private mutating func addTaxa(taking pending: inout [PendingRow]) throws(JSONReadError) {
        let rows = pending
        pending.removeAll(keepingCapacity: true)
        let mapped = OrderedParallelMap.map(rows.count, runLength: 512) { index in
            BIOMObservationMapping.taxon(id: rows[index].id, metadata: rows[index].metadata)
        }
        for (row, (taxon, unreadable)) in zip(rows, mapped) {
            if unreadable { builder.addDiagnostic(BIOMDiagnostics.taxonomyUnreadable(taxon: row.id, location: "\(row.start)")) }
            do { try builder.addTaxon(taxon) } catch { throw .input(ImportError(error, at: row.start)) }
        }
    }

    // MARK: - Data

    private mutating func readData(_ reader: inout JSONReader) throws(JSONReadError) {
        try reader.expectBeginArray()
        dataLocation = location(reader)
        var element: [Double] = []
        // A declared width is trusted for room only up to what a short row holds: a `shape`
        // claiming 10^9 columns must not reserve gigabytes before a single value is read.
        element.reserveCapacity(min(max(3, shape?.columns ?? 0), Self.trustedRowWidth))
        var row = 0
        var problem: ElementProblem?
        func add(_ element: [Double]) -> Bool {
            do throws(ElementProblem) {
                switch matrixType {
                case "dense"?: try addDenseRow(element, row: row, checkWidth: shape != nil)
                case "sparse"?: try addTriplet(element)
                default:
                    rawElements = rawElements ?? RawElements()
                    rawElements!.numbers += element
                    rawElements!.counts.append(Int32(truncatingIfNeeded: element.count))
                }
            } catch {
                problem = error
                return false
            }
            row += 1
            return true
        }
        let complete: Bool
        if matrixType == "sparse", let shape {
            // Rows count only for dense matrices, so the triplets taken on other threads need not be counted.
            complete = try reader.readNumberArrays(collecting: SparseEntries(shape: shape), merge: { entries.append(contentsOf: $0.entries) },
                                                   into: &element, add)
        } else {
            complete = try reader.readNumberArrays(into: &element, add)
        }
        if !complete, let problem { throw .input(problem.at(location(reader))) }
    }

    /// Why one `data` element cannot be used; the caller adds its location.
    private enum ElementProblem: Error {
        case invalid(value: String, reason: String)
        case outside(reason: String)

        func at(_ location: SourceLocation) -> ImportError {
            switch self {
            case .invalid(let value, let reason): .invalidValue(location, value: value, reason: reason)
            case .outside(let reason): .shapeMismatch(location, reason: reason)
            }
        }
    }

    private mutating func addTriplet(_ element: [Double]) throws(ElementProblem) {
        let (row, column) = try Self.triplet(element, shape: shape)
        if shape == nil { entries.checkedAgainstShape = false }
        entries.append(row: row, column: column, value: element[2])
    }

    /// The row and column of a `[row, column, value]` element, inside `shape` when it is known.
    private static func triplet(_ element: [Double], shape: (rows: Int, columns: Int)?) throws(ElementProblem) -> (row: Int, column: Int) {
        guard element.count == 3 else {
            throw .invalid(value: describe(element), reason: "is not a [row, column, value] triplet")
        }
        let row = try index(element[0], of: element), column = try index(element[1], of: element)
        if let shape {
            guard row < shape.rows, column < shape.columns else {
                throw .outside(reason: "entry \(describe(element)) lies outside the shape [\(shape.rows), \(shape.columns)]")
            }
        }
        return (row, column)
    }

    private mutating func addDenseRow(_ element: [Double], row: Int, checkWidth: Bool) throws(ElementProblem) {
        if let shape {
            guard row < shape.rows else { throw .outside(reason: "row \(row) lies outside the shape's \(shape.rows) rows") }
            guard element.count == shape.columns else {
                throw .outside(reason: "row \(row) has \(element.count) values but the shape says \(shape.columns) columns")
            }
        } else {
            entries.checkedAgainstShape = false
        }
        for (column, value) in element.enumerated() where value != 0 {
            entries.append(row: row, column: column, value: value)
        }
    }

    private static func index(_ number: Double, of element: [Double]) throws(ElementProblem) -> Int {
        guard number >= 0, number < Double(Int32.max), number == number.rounded() else {
            throw .invalid(value: describe(element), reason: "has a row or column index that is not a non-negative integer")
        }
        return Int(number)
    }

    private static func describe(_ element: [Double]) -> String {
        "[" + element.prefix(4).map(NumberFormatting.shortest).joined(separator: ", ") + (element.count > 4 ? ", …" : "") + "]"
    }

    // MARK: - Assembly

    private consuming func finish() throws(ImportError) -> ProfileTable {
        for field in ["rows", "columns", "data", "shape"] where !seen.contains(field) {
            throw .missingField(endLocation, field: field)
        }
        for field in ["id", "format", "format_url", "type", "generated_by", "date", "matrix_type", "matrix_element_type"]
        where !seen.contains(field) {
            builder.addDiagnostic(BIOMDiagnostics.missingField(field, location: "\(input.name)"))
        }
        guard let shape, let shapeLocation else { throw .missingField(endLocation, field: "shape") }
        guard builder.taxonCount == shape.rows, builder.sampleCount == shape.columns else {
            throw .shapeMismatch(shapeLocation, reason: "shape is [\(shape.rows), \(shape.columns)] but there are \(builder.taxonCount) rows and \(builder.sampleCount) columns")
        }
        if let raw = rawElements { try interpret(raw) }
        if !entries.checkedAgainstShape {
            for entry in entries.values.indices
            where Int(entries.rows[entry]) >= shape.rows || Int(entries.columns[entry]) >= shape.columns {
                throw .shapeMismatch(dataAt(entry), reason: "entry (\(entries.rows[entry]), \(entries.columns[entry])) lies outside the shape [\(shape.rows), \(shape.columns)]")
            }
        }
        var inference = BIOMUnitInference(sampleCount: shape.columns)
        for entry in entries.values.indices { inference.add(entries.values[entry], sample: Int(entries.columns[entry])) }
        if elementType == "int", entries.values.contains(where: { $0 != $0.rounded() }) {
            builder.addDiagnostic(BIOMDiagnostics.elementTypeMismatch(declared: "int", location: "\(dataLocation)"))
        }
        var failedEntry: Int?
        do {
            try builder.appendEntries(taxa: entries.rows, samples: entries.columns, values: entries.values,
                                      failedEntry: &failedEntry)
        } catch {
            let location = if let entry = failedEntry { dataAt(entry) } else { dataLocation }
            throw ImportError(error, at: location)
        }
        entries = Entries()
        if let unit = options.unit ?? BIOMHubEntries.declaredUnit(in: builder.provenance.source) {
            builder.unit = unit
        } else {
            builder.unit = inference.unit.unit
            if inference.unit.fromSums { builder.addDiagnostic(BIOMDiagnostics.unitInferred(inference.unit.unit)) }
        }
        try BIOMTaxonomyCompanion.apply(from: input, to: &builder)
        header.record(into: &builder.provenance.source)
        BIOMHubEntries.restore(into: &builder)
        do { return try builder.build() } catch { throw ImportError(error, at: dataLocation) }
    }

    /// Interprets `data` elements read before the matrix type was known (sparse when never given, as biom-format does).
    private mutating func interpret(_ raw: RawElements) throws(ImportError) {
        var start = 0
        for (index, count) in raw.counts.enumerated() {
            let element = Array(raw.numbers[start..<(start + Int(count))])
            start += Int(count)
            do throws(ElementProblem) {
                if matrixType == "dense" {
                    try addDenseRow(element, row: index, checkWidth: true)
                } else {
                    try addTriplet(element)
                }
            } catch {
                throw error.at(SourceLocation(file: input.name, path: "/data/\(index)"))
            }
        }
    }

    private func dataAt(_ entry: Int) -> SourceLocation {
        var location = dataLocation
        location.path = matrixType == "dense" ? "/data/\(entries.rows[entry])" : "/data/\(entry)"
        location.line = nil
        location.column = nil
        location.byteOffset = nil
        return location
    }

    private func location(_ reader: borrowing JSONReader) -> SourceLocation {
        let position = reader.tokenPosition
        return SourceLocation(file: input.name, line: position.line, column: position.column,
                              path: reader.path.isEmpty ? nil : reader.path, byteOffset: position.offset)
    }

    /// A JSON value as typed metadata: integers written as integers stay integers.
    static func metadataValue(_ value: JSONValue) -> MetadataValue {
        switch value {
        case .string(let text): .string(text)
        case .number(let number): number.isIntegerLiteral && number.int64 != nil ? .integer(number.int64!) : .number(number.double)
        case .bool(let flag): .bool(flag)
        case .null: .null
        case .array(let items): .list(items.map(metadataValue))
        case .object(let members): .object(members.mapValues(metadataValue))
        }
    }
}
