import HDF5Kit
import ProfileModel

/// BIOM 2.1 metadata datasets: one dataset per category under `metadata/`, aligned with the
/// ids; taxonomy-like categories are (N, k) string matrices padded with empty strings.
enum BIOMHDF5Metadata {
    /// HDF5 names cannot hold `/`; biom-format stores it as this marker.
    static let slashMarker = "@@SLASH@@"

    /// The dataset name for a category.
    static func datasetName(for category: String) -> String {
        category.replacingOccurrences(of: "/", with: slashMarker)
    }

    /// The category a dataset name stands for.
    static func category(for datasetName: String) -> String {
        datasetName.replacingOccurrences(of: slashMarker, with: "/")
    }

    /// One value per id from a metadata dataset, read as biom-format reads it: a matrix row
    /// becomes a list without its empty strings, or null when nothing is left; NaN becomes null.
    /// Returns `nil` for element kinds that cannot be metadata.
    static func values(of array: HDF5Array) -> [MetadataValue]? {
        let rows = array.shape.first ?? 1
        let width = array.shape.count > 1 ? array.shape.dropFirst().reduce(1, *) : 1
        let cells: [MetadataValue]
        switch array.values {
        case .int32(let numbers): cells = numbers.map { .integer(Int64($0)) }
        case .int64(let numbers): cells = numbers.map { .integer($0) }
        case .float64(let numbers): cells = numbers.map { $0.isNaN ? .null : .number($0) }
        case .strings(let strings): cells = strings.map { .string($0) }
        case .booleans(let flags): cells = flags.map { .bool($0) }
        }
        guard array.shape.count > 1 else { return cells }
        guard array.shape.count == 2 else { return nil }
        return (0..<rows).map { row in
            let items = cells[(row * width)..<((row + 1) * width)].filter { $0 != .string("") }
            return items.isEmpty ? .null : .list(Array(items))
        }
    }

    /// How one category is stored, and what storing it that way changes.
    ///
    /// Text columns hold strings as they are, null as empty text, and any other value as its
    /// JSON text (`41`, `true`, `{"taxonomy": […]}`), so that nested metadata stays readable.
    struct Column {
        enum Kind { case integers, numbers, booleans, strings, stringRows }
        let kind: Kind
        /// What a reader would get back differently, if anything.
        let loss: String?

        /// The storage for a category's values (`nil` where an id lacks the category).
        static func plan(_ values: [MetadataValue?]) -> Column {
            let absent = values.filter { $0 == nil || $0 == .null }.count
            let present = values.compactMap { $0 }.filter { $0 != .null }
            func all(_ test: (MetadataValue) -> Bool) -> Bool { !present.isEmpty && present.allSatisfy(test) }
            if absent == 0, all({ if case .integer = $0 { true } else { false } }) { return Column(kind: .integers, loss: nil) }
            if absent == 0, all({ if case .integer = $0 { true } else if case .number = $0 { true } else { false } }) {
                return Column(kind: .numbers, loss: nil)
            }
            if absent == 0, all({ if case .bool = $0 { true } else { false } }) { return Column(kind: .booleans, loss: nil) }
            if all({ if case .list = $0 { true } else { false } }) {
                let itemsAreText = present.allSatisfy { value in
                    guard case .list(let items) = value else { return false }
                    return items.allSatisfy { if case .string(let text) = $0 { !text.isEmpty } else { false } }
                }
                let emptyLists = present.filter { $0 == .list([]) }.count
                let missing = values.filter { $0 == nil }.count
                var notes: [String] = []
                if !itemsAreText { notes.append("list items that are not text are written as JSON text, empty ones dropped") }
                if emptyLists + missing > 0 { notes.append("\(emptyLists + missing) empty or absent value(s) read back as null") }
                return Column(kind: .stringRows, loss: notes.isEmpty ? nil : notes.joined(separator: "; "))
            }
            let textual = present.allSatisfy {
                if case .string = $0 { true } else if case .date = $0 { true } else { false }
            }
            var notes: [String] = []
            if !textual { notes.append("values that are not text are written as JSON text") }
            if absent > 0 { notes.append("\(absent) absent or null value(s) are written as empty text") }
            return Column(kind: .strings, loss: notes.isEmpty ? nil : notes.joined(separator: "; "))
        }

        /// A value as a text cell.
        static func text(_ value: MetadataValue) -> String {
            switch value {
            case .string(let text), .date(let text): text
            case .null: ""
            default: BIOMMetadataJSON.text(value)
            }
        }

        /// The dataset contents for the values under this plan.
        func array(_ values: [MetadataValue?]) -> HDF5Array {
            switch kind {
            case .integers:
                return HDF5Array(.int64(values.map { if case .integer(let number)? = $0 { number } else { 0 } }))
            case .numbers:
                return HDF5Array(.float64(values.map { value -> Double in
                    switch value {
                    case .integer(let number)?: Double(number)
                    case .number(let number)?: number
                    default: .nan
                    }
                }))
            case .booleans:
                return HDF5Array(.booleans(values.map { $0 == .bool(true) }))
            case .strings:
                return HDF5Array(.strings(values.map { $0.map(Self.text) ?? "" }))
            case .stringRows:
                let rows = values.map { value -> [String] in
                    guard case .list(let items)? = value else { return [] }
                    return items.map(Self.text).filter { !$0.isEmpty }
                }
                let width = rows.map(\.count).max() ?? 0
                let cells = rows.flatMap { $0 + Array(repeating: "", count: width - $0.count) }
                return HDF5Array(.strings(cells), shape: [rows.count, width])
            }
        }
    }
}

/// BIOM 2.1 group metadata (a tree relating the ids of one axis, with its `data_type`), kept
/// in `provenance.source` as `group-metadata.<axis>.<name>` and `….data-type`.
enum BIOMGroupMetadata {
    static let prefix = "group-metadata."
    static let dataTypeSuffix = ".data-type"

    /// The source key for an axis's group metadata entry.
    static func sourceKey(axis: String, name: String) -> String {
        "\(prefix)\(axis).\(name)"
    }

    /// The group metadata entries of an axis recorded in `source`: name, value and data type.
    static func entries(in facts: SourceFacts, axis: String) -> [(name: String, value: String, dataType: String?)] {
        let source = facts.byName
        let axisPrefix = "\(prefix)\(axis)."
        return source.keys.sorted().compactMap { key in
            guard key.hasPrefix(axisPrefix), !key.hasSuffix(dataTypeSuffix) else { return nil }
            return (String(key.dropFirst(axisPrefix.count)), source[key]!, source[key + dataTypeSuffix])
        }
    }

    /// Whether a source key belongs to group metadata.
    static func isGroupMetadataKey(_ key: String) -> Bool {
        key.hasPrefix(prefix)
    }
}
