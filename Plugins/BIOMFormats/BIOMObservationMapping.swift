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
                        lineage = LineageParser.parse(written!)
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

    /// The taxonomy list an export writes for a taxon: the label's own tokens when the label
    /// still reads as the taxon's lineage, otherwise the lineage in prefixed style; `nil` without one.
    static func taxonomyTokens(for taxon: Taxon) -> [String]? {
        guard !taxon.lineage.isEmpty, !lineageComesFromID(taxon) else { return nil }
        if LineageParser.parse(taxon.label) == taxon.lineage {
            let separator: Character = taxon.label.contains("|") ? "|" : ";"
            var tokens = taxon.label.split(separator: separator, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            while tokens.count > 1, tokens.last?.isEmpty == true { tokens.removeLast() }
            return tokens
        }
        return LineageFormatter.prefixedTokens(taxon.lineage)
    }

    /// Whether the taxon's lineage is what its id reads as, so that import derives it again without a taxonomy.
    static func lineageComesFromID(_ taxon: Taxon) -> Bool {
        guard taxon.label == taxon.id else { return false }
        let (parsed, style) = LineageParser.parseWithStyle(taxon.id)
        return (style == .prefixed || style == .levelPrefixed) && parsed == taxon.lineage
    }

    /// The metadata object an export writes for a taxon; `withTaxonomy` adds a (possibly empty)
    /// taxonomy list so that every row of a table with taxonomy has one.
    static func metadata(for taxon: Taxon, withTaxonomy: Bool,
                         dropsEmptyTokens: Bool = false) -> [String: MetadataValue] {
        var metadata = taxon.metadata
        let tokens = taxonomyTokens(for: taxon)
        if let tokens {
            metadata["taxonomy"] = .list(tokens.map { .string($0) })
        } else if withTaxonomy, metadata["taxonomy"] == nil {
            metadata["taxonomy"] = .list([])
        }
        if let taxonID = taxon.taxonID { metadata[taxonIDKey] = .string(taxonID.description) }
        let kept = (tokens ?? []).filter { !dropsEmptyTokens || !$0.isEmpty }
        let labelOnImport = kept.isEmpty ? taxon.id : kept.joined(separator: "; ")
        if taxon.label != labelOnImport { metadata[labelKey] = .string(taxon.label) }
        return metadata
    }

    /// Whether writing taxonomy lists makes every lineage read back unchanged; the taxa that would not.
    static func lineagesThatDoNotRoundTrip(_ taxa: [Taxon]) -> [String] {
        taxa.compactMap { taxon in
            guard let tokens = taxonomyTokens(for: taxon) else { return nil }
            return LineageParser.parse(tokens.joined(separator: "; ")) == taxon.lineage ? nil : taxon.id
        }
    }
}
