/// What the start of a table says against reading it as a generic wide table. Each finding
/// is a sentence for `mhub detect`; a generic importer that meets one does not claim the
/// file, so that a report it cannot explain fails as unrecognised instead of being misread.
///
/// The rules come from real misreads: a headerless MEGAN `rma2info` output whose first row
/// became the sample `994.0`; Bracken `.mpa` files whose first lineage became the corner cell;
/// a MetaPhlAn profile whose `relative_abundance` column became a sample.
extension PrefixTable {
    /// The header is a data row: its first cell, or every cell after the first, is a number.
    /// A table with such a header is headerless, or its sample ids cannot be told from values.
    public func headerLooksLikeData() -> String? {
        guard let first = header.first else { return nil }
        let rest = header.dropFirst()
        if isNumber(first) {
            return "its first line starts with the number '\(first)': the file has no header"
        }
        guard !rest.isEmpty, rest.allSatisfy(isNumber) else { return nil }
        return "its header's sample ids (\(rest.prefix(3).map { "'\($0)'" }.joined(separator: ", "))) are numbers: the first line looks like a data row, not a header"
    }

    /// Value columns headed by the name of a measure (`relative_abundance`, `reads`) rather
    /// than a sample: a single-sample report whose sample id the table does not give.
    public func measureColumns(named measures: [String]) -> String? {
        let names = Set(measures.map(HeaderCells.normalized))
        let found = normalizedHeader.dropFirst().filter(names.contains)
        guard let name = found.first else { return nil }
        return "its column '\(name)' names a measure, not a sample: a single-sample report, which a wide table cannot name"
    }

    /// Only annotation columns are numeric (`Confidence`, mothur's `Size`) beside a lineage
    /// column: a taxonomy table, which belongs beside a count table as its companion.
    public func taxonomyTableColumns(lineageNames: [String], annotationNames: [String]) -> String? {
        guard hasColumn(lineageNames) else { return nil }
        let annotations = Set(annotationNames.map(HeaderCells.normalized))
        let numeric = numericColumns().filter { $0 > 0 }.map { normalizedHeader[$0] }
        guard !numeric.isEmpty, numeric.allSatisfy(annotations.contains) else { return nil }
        return "its only numeric column(s) (\(numeric.joined(separator: ", "))) annotate a lineage column: a taxonomy table; pass it with --companion taxonomy=FILE beside a count table"
    }

    /// Every value column is headed by one of `metrics` (`PD_whole_tree`, `shannon`): per-sample
    /// results of a computation (`what` says which), not abundances of taxa.
    public func metricColumns(named metrics: [String], what: String) -> String? {
        let names = Set(metrics.map(HeaderCells.normalized))
        let columns = normalizedHeader.dropFirst()
        guard !columns.isEmpty, columns.allSatisfy(names.contains) else { return nil }
        return "its columns (\(header.dropFirst().prefix(3).map { "'\($0)'" }.joined(separator: ", "))) are \(what)"
    }

    /// Row ids that repeat the column ids in order: a distance or similarity matrix.
    public func squareMatrixOfSameIDs() -> String? {
        let columns = Array(header.dropFirst())
        guard columns.count >= 2, rows.count >= 2 else { return nil }
        let rowIDs = rows.prefix(columns.count).compactMap(\.first)
        guard rowIDs == Array(columns.prefix(rowIDs.count)) else { return nil }
        return "its rows and columns name the same ids in the same order: a distance matrix, not a profile"
    }

    /// Two first-column labels of which one continues the other after a lineage separator
    /// (`k__Bacteria` and `k__Bacteria|p__Firmicutes`): rows at several depths of one tree,
    /// whose values are clade-cumulative.
    public func nestedRowLabels() -> (outer: String, inner: String)? {
        let ordered = rows.compactMap(\.first).filter { !$0.isEmpty }
        let labels = Set(ordered)
        for label in ordered {
            for (index, character) in zip(label.indices, label) where character == "|" || character == ";" {
                let outer = TextCells.trim(String(label[..<index]))
                if labels.contains(outer) { return (outer, label) }
            }
        }
        return nil
    }

    private func isNumber(_ cell: String) -> Bool {
        if case .number = NumberCells.read(Array(cell.utf8)[...], decimalMark: dialect.decimalMark, missing: []) { return true }
        return false
    }
}
