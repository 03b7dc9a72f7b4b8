import ProfileModel

/// Maps BIOM observations (rows: an id and a metadata object) to taxa and back.
///
/// - `taxonomy` (or `Taxonomy`, as biom-format also treats it) becomes the ``Lineage``:
///   a list of rank strings or one `;`-joined string, in any style ``LineageParser`` reads.
///   The label is the taxonomy as written (list items joined by `"; "`), or the id when there is none.
///   Without a taxonomy, an id written as a rank-prefixed lineage (`s__Bacteroides_fragilis`,
///   `k__Bacteria|p__Firmicutes`) gives the lineage.
/// - `taxon_id` holding `system:value` becomes ``Taxon/taxonID``.
/// - `label` overrides the label; exports write it only when the label would not come back otherwise.
/// - Every other key stays in ``Taxon/metadata`` with its JSON type.
enum BIOMObservationMapping {
    static let taxonomyKeys = ["taxonomy", "Taxonomy"]
    static let taxonIDKey = "taxon_id"
    static let labelKey = "label"
    /// Keys whose empty value reads back as absent, so that text columns carry them exactly.
    static let keysWhereEmptyMeansAbsent: Set<String> = [taxonIDKey, labelKey]

    /// A taxon from a row id and its metadata; also reports a taxonomy value that could not be read.
    static func taxon(id: String, metadata: [String: MetadataValue]?,
                      dropsEmptyTokens: Bool = false) -> (taxon: Taxon, unreadableTaxonomy: Bool) {
        var rest = metadata ?? [:]
        var lineage = Lineage()
        var written: String?
        var unreadable = false
        if let key = taxonomyKeys.first(where: { rest[$0] != nil }) {
            switch rest[key]! {
            case .list(let items):
                let tokens = items.compactMap { item -> String? in if case .string(let text) = item { text } else { nil } }
                if tokens.count == items.count {
                    rest[key] = nil
                    let kept = dropsEmptyTokens ? tokens.filter { !$0.isEmpty } : tokens
                    if !kept.isEmpty {
                        written = kept.joined(separator: "; ")
                        lineage = LineageParser.parseLevels(kept).lineage
                    }
                } else {
                    unreadable = true
                }
            case .string(let text):
                rest[key] = nil
                if !text.isEmpty {
                    written = text
                    lineage = LineageParser.parse(text)
                }
            case .null:
                rest[key] = nil
            default:
                unreadable = true
            }
        }
        // An empty taxon id or label means "none": HDF5 columns cannot leave a cell out.
        // Taxon tables (MetaPhlAn's, American Gut's) name rows by their lineage and give no taxonomy.
        if !unreadable, written == nil, lineage.isEmpty {
            let (parsed, style) = LineageParser.parseWithStyle(id)
            if style == .prefixed || style == .levelPrefixed { lineage = parsed }
        }
        var taxonID: TaxonID?
        if case .string(let text)? = rest[taxonIDKey], text.isEmpty || TaxonID(text) != nil {
            taxonID = TaxonID(text)
            rest[taxonIDKey] = nil
        }
        var label = written ?? id
        if case .string(let text)? = rest[labelKey] {
            if !text.isEmpty { label = text }
            rest[labelKey] = nil
        }
        return (Taxon(id: id, label: label, lineage: lineage, taxonID: taxonID, metadata: rest), unreadable)
    }

    /// How an export writes every taxon of a table, worked out once per export: each taxon's
    /// taxonomy list, and the taxa whose lineage would not read back the same from it.
    struct Export {
        /// The taxonomy list per taxon; `nil` where none is written.
        let tokens: [[String]?]
        /// Ids of taxa whose lineage a reader would not get back from the taxonomy list.
        let drifting: [String]
        /// Whether any taxon gets a taxonomy list (then every row gets one, maybe empty).
        var anyTaxonomy: Bool { tokens.contains { $0 != nil } }

        init(taxa: [Taxon]) {
            var tokens: [[String]?] = []
            var drifting: [String] = []
            tokens.reserveCapacity(taxa.count)
            for taxon in taxa {
                let (list, readsBack) = Export.taxonomy(for: taxon)
                tokens.append(list)
                if !readsBack { drifting.append(taxon.id) }
            }
            self.tokens = tokens
            self.drifting = drifting
        }

        /// The taxonomy list for a taxon, and whether importing it gives the same lineage: the
        /// label's own tokens when the label reads as the lineage (also when the label is the id,
        /// as in a MetaPhlAn or mpa table, since phyloseq and biom-format read the lineage from
        /// `taxonomy` only); else the lineage in prefixed style.
        static func taxonomy(for taxon: Taxon) -> (tokens: [String]?, readsBack: Bool) {
            guard !taxon.lineage.isEmpty else { return (nil, true) }
            // The usual case without parsing: the label is the lineage in prefixed style.
            if taxon.label != taxon.id, let tokens = plainPrefixedTokens(taxon.lineage),
               taxon.label == tokens.joined(separator: "; ") {
                return (tokens, true)
            }
            let (fromLabel, style) = LineageParser.parseWithStyle(taxon.label)
            let styleIsPrefixed = style == .prefixed || style == .levelPrefixed
            if fromLabel == taxon.lineage {
                let tokens = splitLabel(taxon.label)
                if styleIsPrefixed || LineageParser.parseLevels(tokens).lineage == taxon.lineage {
                    return (tokens, true)
                }
            }
            // Ranked entries with plain names read back from their prefixed tokens without a check.
            if let tokens = plainPrefixedTokens(taxon.lineage) { return (tokens, true) }
            let tokens = LineageFormatter.prefixedTokens(taxon.lineage)
            return (tokens, LineageParser.parseLevels(tokens).lineage == taxon.lineage)
        }

        /// The lineage in prefixed style when every entry has a rank and every name reads back
        /// as itself (no separators, quotes or surrounding spaces); `nil` otherwise.
        private static func plainPrefixedTokens(_ lineage: Lineage) -> [String]? {
            for entry in lineage.entries {
                guard entry.rank != .unranked else { return nil }
                let bytes = entry.name.utf8
                if bytes.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\"") }) {
                    return nil
                }
                if let first = bytes.first, let last = bytes.last, first <= 0x20 || last <= 0x20 || first >= 0x80 || last >= 0x80 {
                    return nil
                }
            }
            return LineageFormatter.prefixedTokens(lineage)
        }

        /// A label split where ``LineageParser`` splits it, trailing empty levels dropped.
        private static func splitLabel(_ label: String) -> [String] {
            let separator: Character = label.utf8.contains(UInt8(ascii: "|")) ? "|" : ";"
            var tokens = label.split(separator: separator, omittingEmptySubsequences: false)
                .map { LineageParser.trimming($0, newlines: false) }
            while tokens.count > 1, tokens.last?.isEmpty == true { tokens.removeLast() }
            return tokens
        }

        /// The metadata object written for taxon `index`: its metadata plus `taxonomy`
        /// (an empty list when others have one), `taxon_id`, and `label` when the label would
        /// not come back from the taxonomy or the id. `dropsEmptyTokens` for formats whose
        /// readers drop empty taxonomy items (BIOM 2.1).
        func metadata(for taxon: Taxon, at index: Int, dropsEmptyTokens: Bool) -> [String: MetadataValue] {
            var metadata = taxon.metadata
            let list = tokens[index]
            if let list {
                metadata["taxonomy"] = .list(list.map { .string($0) })
            } else if anyTaxonomy, metadata["taxonomy"] == nil {
                metadata["taxonomy"] = .list([])
            }
            if let taxonID = taxon.taxonID { metadata[BIOMObservationMapping.taxonIDKey] = .string(taxonID.description) }
            let kept = (list ?? []).filter { !dropsEmptyTokens || !$0.isEmpty }
            let labelOnImport = kept.isEmpty ? taxon.id : kept.joined(separator: "; ")
            if taxon.label != labelOnImport { metadata[BIOMObservationMapping.labelKey] = .string(taxon.label) }
            return metadata
        }
    }
}
