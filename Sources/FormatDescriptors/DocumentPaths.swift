import TabularKit

extension TableLayout.Columns {
    /// Every column named in the layout, each once, in role order: for a document
    /// descriptor, the field paths a record is read at.
    var namedColumns: [String] {
        var references = [featureID, taxonName, rank, lineage, taxonID, parentID, taxonIDPath, label, abundance].compactMap { $0 }
        references += sampleMetadata.keys.sorted { $0.description < $1.description }
        references += taxonMetadata.keys.sorted { $0.description < $1.description }
        var names: [String] = []
        for reference in references {
            switch reference {
            case .name(let name): names.append(name)
            case .anyOf(let alternatives): names += alternatives
            case .index: break
            }
        }
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// Whether any column is given by position (`{index: N}`).
    var hasPositionalColumns: Bool {
        let references = [featureID, taxonName, rank, lineage, taxonID, parentID, taxonIDPath, label, abundance].compactMap { $0 }
            + Array(sampleMetadata.keys) + Array(taxonMetadata.keys)
        return references.contains { if case .index = $0 { true } else { false } }
    }
}

extension TableLayout {
    /// The field paths a record of a document is read at: the columns', and the sample
    /// column's when each record names its sample.
    var documentFieldPaths: [String] {
        guard case .column(.name(let sampleField)) = samples, !columns.namedColumns.contains(sampleField) else {
            return columns.namedColumns
        }
        return columns.namedColumns + [sampleField]
    }

    /// The document-level paths a document descriptor reads: the sample id's and the sample metadata's.
    var documentValuePaths: [String] {
        var paths: [String] = []
        if case .preamble(let path) = samples { paths.append(path) }
        paths += (preamble?.metadata.keys.sorted() ?? [])
        return paths
    }
}
