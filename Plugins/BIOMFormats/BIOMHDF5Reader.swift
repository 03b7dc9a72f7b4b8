import FormatKit
import Foundation
import HDF5Kit
import ProfileModel

/// Reads a BIOM 2.1 HDF5 file into a ``ProfileTable``: the root attributes, both axes' ids,
/// metadata and group metadata, and the values from the sample-oriented (CSC) matrix, after
/// checking both compressed copies in full (``BIOMCompressedMatrix``) and that they store as
/// many entries.
struct BIOMHDF5Reader {
    let input: ImportInput
    let options: ImportOptions

    /// Root attributes the format defines; any others are kept as source facts under their own names.
    static let attributeNames: Set<String> = ["id", "type", "format-url", "format-version", "generated-by",
                                              "creation-date", "shape", "nnz"]

    func read() throws(ImportError) -> ProfileTable {
        let (url, keepAlive) = try input.uncompressedFile()
        defer { withExtendedLifetime(keepAlive) {} }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        if size == 0 { throw .emptyInput(input.location()) }
        do {
            let file = try HDF5File.open(readingFrom: url.path)
            return try read(file.root)
        } catch let error as HDF5Error {
            throw importError(error)
        } catch let error as ImportError {
            throw error
        } catch {
            throw .io(input.location(), reason: "\(error)")
        }
    }

    private func read(_ root: HDF5Group) throws -> ProfileTable {
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
        let (header, shape, nnz) = try readAttributes(root, into: &builder)

        let observationIDs = try ids(root, "observation/ids")
        let sampleIDs = try ids(root, "sample/ids")
        guard observationIDs.count == shape.rows else {
            throw ImportError.shapeMismatch(input.location(path: "/observation/ids"),
                                            reason: "\(observationIDs.count) observation ids, but shape says \(shape.rows)")
        }
        guard sampleIDs.count == shape.columns else {
            throw ImportError.shapeMismatch(input.location(path: "/sample/ids"),
                                            reason: "\(sampleIDs.count) sample ids, but shape says \(shape.columns)")
        }

        let observationMetadata = try metadata(root, axis: "observation", count: observationIDs.count, into: &builder)
        // Taxonomies are parsed on every core, in runs of ids, and added in order.
        let mapped = OrderedParallelMap.map(observationIDs.count, runLength: 1_024) { index in
            BIOMObservationMapping.taxon(id: observationIDs[index], metadata: observationMetadata[index], dropsEmptyTokens: true)
        }
        for (id, (taxon, unreadable)) in zip(observationIDs, mapped) {
            if unreadable {
                builder.addDiagnostic(BIOMDiagnostics.taxonomyUnreadable(
                    taxon: id, location: "\(input.name) (/observation/metadata)"))
            }
            do { try builder.addTaxon(taxon) } catch { throw ImportError(error, at: input.location(path: "/observation/ids")) }
        }
        let sampleMetadata = try metadata(root, axis: "sample", count: sampleIDs.count, into: &builder)
        for (index, id) in sampleIDs.enumerated() {
            let sample = Sample(id: id, metadata: sampleMetadata[index] ?? [:])
            do { try builder.addSample(sample) } catch { throw ImportError(error, at: input.location(path: "/sample/ids")) }
        }
        try readGroupMetadata(root, axis: "observation", into: &builder)
        try readGroupMetadata(root, axis: "sample", into: &builder)

        let observationEntries = try checkObservationMatrix(root, rows: shape.rows, columns: shape.columns)
        let stored = try readSampleMatrix(root, rows: shape.rows, columns: shape.columns,
                                          observationEntries: observationEntries, into: &builder)
        if let nnz, nnz != Int64(stored) {
            builder.addDiagnostic(BIOMDiagnostics.nnzMismatch(declared: nnz, stored: stored, location: "\(input.name) (/@nnz)"))
        }
        try BIOMTaxonomyCompanion.apply(from: input, to: &builder)
        header.record(into: &builder.provenance.source)
        BIOMHubEntries.restore(into: &builder)
        do { return try builder.build() } catch {
            throw ImportError(error, at: input.location(path: "/sample/matrix"))
        }
    }

    // MARK: - Attributes

    private func readAttributes(_ root: HDF5Group, into builder: inout ProfileTableBuilder)
        throws -> (BIOMHeader, shape: (rows: Int, columns: Int), nnz: Int64?) {
        var header = BIOMHeader()
        for name in ["id", "type", "format-url", "format-version", "generated-by", "creation-date", "nnz"]
        where !root.hasAttribute(name) {
            builder.addDiagnostic(BIOMDiagnostics.missingField(name, location: "\(input.name) (/@\(name))"))
        }
        if root.hasAttribute("format-version") {
            let version = try root.attribute("format-version")
            let numbers = integers(version) ?? []
            guard numbers.first == 2 else {
                throw ImportError.unsupported(input.location(path: "/@format-version"),
                                              reason: "format-version \(text(version)) is not BIOM 2.x")
            }
            // BIOM 2.0 files (biom-format's own test.biom) have 2.1's layout: biom-format reads
            // both with one reader, and so does this one.
            header.formatVersion = numbers.map(String.init).joined(separator: ".")
        }
        header.tableID = try optionalText(root, "id")
        header.type = try optionalText(root, "type").flatMap { $0.isEmpty ? nil : $0 }
        header.formatURL = try optionalText(root, "format-url")
        header.generatedBy = try optionalText(root, "generated-by")
        header.created = try optionalText(root, "creation-date")

        guard root.hasAttribute("shape") else {
            throw ImportError.missingField(input.location(path: "/@shape"), field: "shape")
        }
        let shapeValues = integers(try root.attribute("shape")) ?? []
        guard shapeValues.count == 2, shapeValues.allSatisfy({ $0 >= 0 && $0 <= Int64(Int32.max) }) else {
            throw ImportError.shapeMismatch(input.location(path: "/@shape"),
                                            reason: "shape must be two non-negative integers, not \(shapeValues)")
        }
        let nnz = root.hasAttribute("nnz") ? integers(try root.attribute("nnz"))?.first : nil

        for name in try root.attributeNames() where !Self.attributeNames.contains(name) {
            if let value = try? root.attribute(name), value.shape.isEmpty {
                builder.provenance.source[SourceKey(name: name)] = text(value)
            }
        }
        return (header, (Int(shapeValues[0]), Int(shapeValues[1])), nnz)
    }

    private func optionalText(_ root: HDF5Group, _ name: String) throws -> String? {
        root.hasAttribute(name) ? text(try root.attribute(name)) : nil
    }

    private func integers(_ array: HDF5Array) -> [Int64]? {
        switch array.values {
        case .int64(let numbers): numbers
        case .int32(let numbers): numbers.map(Int64.init)
        case .float64(let numbers) where numbers.allSatisfy({ $0 == $0.rounded() && abs($0) < 1e15 }): numbers.map { Int64($0) }
        default: nil
        }
    }

    /// An attribute's value as text; array values are joined with `.`, like a version.
    private func text(_ array: HDF5Array) -> String {
        switch array.values {
        case .strings(let strings): strings.joined(separator: ".")
        case .int64(let numbers): numbers.map(String.init).joined(separator: ".")
        case .int32(let numbers): numbers.map(String.init).joined(separator: ".")
        case .float64(let numbers): numbers.map(NumberFormatting.shortest).joined(separator: ".")
        case .booleans(let flags): flags.map(String.init).joined(separator: ".")
        }
    }

    // MARK: - Axes

    private func ids(_ root: HDF5Group, _ path: String) throws -> [String] {
        let dataset = try root.dataset(path)
        guard dataset.shape.count == 1 else {
            throw HDF5Error.wrongShape(path: dataset.path, expected: "one dimension", found: dataset.shape)
        }
        // biom-format writes an empty id list as an empty float dataset.
        if dataset.count == 0 { return [] }
        return try dataset.readStrings()
    }

    private func metadata(_ root: HDF5Group, axis: String, count: Int,
                          into builder: inout ProfileTableBuilder) throws -> [[String: MetadataValue]?] {
        var objects = [[String: MetadataValue]?](repeating: nil, count: count)
        guard root.contains("\(axis)/metadata") else { return objects }
        let group = try root.group("\(axis)/metadata")
        for name in try group.memberNames() {
            let dataset = try group.dataset(name)
            guard dataset.shape.first == count, dataset.shape.count <= 2 else {
                throw ImportError.shapeMismatch(input.location(path: dataset.path),
                                                reason: "metadata has shape \(dataset.shape) but there are \(count) ids")
            }
            let category = BIOMHDF5Metadata.category(for: name)
            var values: [MetadataValue]?
            if case .other = dataset.kind { values = nil } else { values = BIOMHDF5Metadata.values(of: try dataset.read()) }
            guard let values else {
                builder.addDiagnostic(BIOMDiagnostics.metadataSkipped(category: category, kind: dataset.kind.description,
                                                                      location: "\(input.name) (\(dataset.path))"))
                continue
            }
            for (index, value) in values.enumerated() {
                var object = objects[index] ?? [:]
                object[category] = value
                objects[index] = object
            }
        }
        return objects
    }

    private func readGroupMetadata(_ root: HDF5Group, axis: String, into builder: inout ProfileTableBuilder) throws {
        guard root.contains("\(axis)/group-metadata") else { return }
        let group = try root.group("\(axis)/group-metadata")
        for name in try group.memberNames() {
            let dataset = try group.dataset(name)
            let key = BIOMGroupMetadata.sourceKey(axis: axis, name: name)
            builder.provenance.source[.attribute(key)] = try dataset.readStrings().first ?? ""
            if dataset.hasAttribute("data_type") {
                builder.provenance.source[.attribute(key + BIOMGroupMetadata.dataTypeSuffix)] = text(try dataset.attribute("data_type"))
            }
        }
    }

    // MARK: - Matrix

    /// Checks the observation-oriented copy in full (offsets and indices; its values are not
    /// used); returns the number of entries it stores.
    private func checkObservationMatrix(_ root: HDF5Group, rows: Int, columns: Int) throws -> Int {
        try BIOMCompressedMatrix.read(root, group: "observation/matrix", majorCount: rows, minorCount: columns,
                                      readsValues: false, input: input).entryCount
    }

    /// Reads the compressed-sparse-column copy, checked in full and against the number of
    /// entries of the observation-oriented copy, into the builder; returns the number of entries.
    private func readSampleMatrix(_ root: HDF5Group, rows: Int, columns: Int, observationEntries: Int,
                                  into builder: inout ProfileTableBuilder) throws -> Int {
        let matrix = try BIOMCompressedMatrix.read(root, group: "sample/matrix", majorCount: columns, minorCount: rows,
                                                   readsValues: true, input: input)
        guard matrix.entryCount == observationEntries else {
            throw ImportError.shapeMismatch(input.location(path: matrix.dataPath),
                                            reason: "\(matrix.entryCount) entries, but /observation/matrix/data stores \(observationEntries)")
        }
        var inference = BIOMUnitInference(sampleCount: columns)
        builder.reserveCapacity(entries: matrix.entryCount)
        for sample in 0..<columns {
            for entry in matrix.entries(of: sample) {
                let value = matrix.values[entry]
                do { try builder.setValue(value, sample: sample, taxon: Int(matrix.indices[entry])) } catch {
                    throw ImportError(error, at: input.location(path: "\(matrix.dataPath)[\(entry)]"))
                }
                inference.add(value, sample: sample)
            }
        }
        applyUnit(inference, to: &builder)
        return matrix.entryCount
    }

    private func applyUnit(_ inference: BIOMUnitInference, to builder: inout ProfileTableBuilder) {
        if let unit = options.unit ?? BIOMHubEntries.declaredUnit(in: builder.provenance.source) {
            builder.unit = unit
            return
        }
        let (unit, fromSums) = inference.unit
        builder.unit = unit
        if fromSums { builder.addDiagnostic(BIOMDiagnostics.unitInferred(unit)) }
    }

    // MARK: - Errors

    private func importError(_ error: HDF5Error) -> ImportError {
        let location = input.location(path: error.path == input.url.path ? nil : error.path)
        switch error {
        case .cannotOpen: return .syntax(input.location(), reason: "not a BIOM 2.x HDF5 file: \(error.reason)")
        case .missing(let path):
            return .missingField(location, field: path.hasPrefix("/@") ? String(path.dropFirst(2)) : path)
        case .wrongKind(_, let expected, let found):
            return .invalidValue(location, value: found, reason: "values where \(expected) values are required")
        case .wrongShape: return .shapeMismatch(location, reason: error.reason)
        case .limitExceeded(_, let limit): return .limitExceeded(location, limit: limit)
        case .invalidText(let path, let index):
            return .encoding(input.location(path: "\(path)[\(index)]"), reason: "the text is not valid UTF-8 (HDF5 strings are ASCII or UTF-8)")
        case .readFailed, .writeFailed, .unrepresentable: return .syntax(location, reason: error.reason)
        }
    }
}
