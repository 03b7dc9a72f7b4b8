import ProfileModel

/// Resolves the named levels of a lineage, from the domain down: each name is normalised,
/// checked for placeholders, freed of (or matched to) GTDB suffixes, renamed by a bundled row,
/// and looked up in the loaded reference data. Placeholders are kept as they are, under their parent.
struct NameResolution {
    let target: TargetTaxonomy
    let reference: ReferenceData

    func resolve(into work: inout ResolutionWork) {
        if let moved = NomenclatureNormalizer.domainFromKingdom(work.taxon.lineage) {
            work.record(.normalised, "kingdom '\(moved.name(at: .domain)!)' read as the domain (\(NormalizationRule.kingdomAsDomain.rawValue))",
                        source: "Greengenes and MetaPhlAn prefix the domain with k__ (docs/TAXONOMY.md §1.1, §1.7)")
            work.taxon.lineage = moved
        }
        var entries = work.taxon.lineage.entries
        var parent: String?
        var higherNames = Set<String>()
        var deepest: (index: Int, outcome: LookupOutcome)?
        for index in entries.indices where !entries[index].name.isEmpty {
            let original = entries[index].name
            let rank = effectiveRank(entries[index])
            var name = normalized(original, rank: rank, into: &work)
            let kinds = PlaceholderRecognizer.kinds(of: name, parent: parent)
            if !kinds.isEmpty { work.placeholders[original] = kinds }
            let isPlaceholder = kinds.contains { $0 != .candidatus }
            name = suffixHandled(name, rank: rank, isPlaceholder: isPlaceholder, into: &work)
            if !isPlaceholder, let row = renameRow(name, rank: rank) {
                work.record(.rename, "\(rank.rawValue) '\(name)' → '\(row.newName)'", source: row.source)
                renameGenus(of: row, in: &entries, before: index, higherNames: &higherNames, into: &work)
                name = row.newName
            }
            if !isPlaceholder {
                deepest = (index, lookUp(&name, rank: rank, higherNames: higherNames, into: &work))
            }
            entries[index].name = name
            parent = name
            higherNames.insert(name)
        }
        if let lineage = Lineage(entries) { work.taxon.lineage = lineage }
        settleDeepest(deepest, entries: entries, into: &work)
    }

    /// The rank a rename or lookup uses: a plain binomial without a rank is a species.
    private func effectiveRank(_ entry: LineageEntry) -> Rank {
        guard entry.rank == .unranked else { return entry.rank }
        let words = entry.name.split(whereSeparator: { $0 == " " || $0 == "_" })
        return words.count >= 2 && words[1].first?.isLowercase == true ? .species : .unranked
    }

    private func normalized(_ name: String, rank: Rank, into work: inout ResolutionWork) -> String {
        let result = NomenclatureNormalizer.normalize(name, rank: rank)
        guard !result.rules.isEmpty else { return name }
        let variant = NomenclatureNormalizer.spellingVariants.values.first { $0.name == result.name }
        work.record(.normalised, "'\(name)' → '\(result.name)' (\(result.rules.map(\.rawValue).joined(separator: ", ")))",
                    source: result.rules.contains(.spellingVariant) && variant != nil
                        ? variant!.source : "database-convention rules (docs/TAXONOMY.md §1)")
        return result.name
    }

    /// Outside GTDB a suffix is removed (the suffixed name is a GTDB placeholder for part of the
    /// bare-named group, GTDB FAQ); for GTDB with its names loaded, a bare name with exactly one
    /// suffixed GTDB variant takes it, and several variants are reported.
    private func suffixHandled(_ name: String, rank: Rank, isPlaceholder: Bool, into work: inout ResolutionWork) -> String {
        let faq = "GTDB FAQ (https://gtdb.ecogenomic.org/faq): suffixes mark polyphyletic or rank-normalised groups"
        if target != .gtdb {
            guard let (base, suffixes) = LineageParser.splitGTDBSuffix(name) else { return name }
            work.record(.gtdbSuffix, "'\(name)' → '\(base)' (suffix \(suffixes.map { "_\($0)" }.joined(separator: ", ")) removed)", source: faq)
            return base
        }
        guard let gtdb = reference.gtdb, !isPlaceholder, gtdb.lineage(of: name, rank: rank) == nil else { return name }
        let variants = gtdb.variants(of: name, rank: rank).sorted()
        if variants.count == 1, let only = variants.first {
            work.record(.gtdbSuffix, "'\(name)' → '\(only)' (the only GTDB name of this group at \(rank.rawValue))",
                        source: "the GTDB taxonomy file; \(faq)")
            return only
        }
        if variants.count > 1 {
            work.note(.unresolved, "'\(name)' matches several GTDB names: \(variants.joined(separator: ", "))",
                      source: "the GTDB taxonomy file; \(faq)")
        }
        return name
    }

    private func renameRow(_ name: String, rank: Rank) -> RenameRow? {
        if rank != .unranked { return reference.renames.rename(name, rank: rank, for: target) }
        let rows = reference.renames.renames(anyRank: name, for: target)
        return rows.count == 1 ? rows.first : nil
    }

    /// A species moved to another genus moves its genus level with it (`g__Bacteroides;
    /// s__Bacteroides vulgatus` → `g__Phocaeicola; s__Phocaeicola vulgatus`).
    private func renameGenus(of row: RenameRow, in entries: inout [LineageEntry], before index: Int,
                             higherNames: inout Set<String>, into work: inout ResolutionWork) {
        guard row.rank == .species, let oldGenus = row.oldName.split(separator: " ").first,
              let newGenus = row.newName.split(separator: " ").first, oldGenus != newGenus,
              let genusIndex = entries[..<index].lastIndex(where: { $0.rank == .genus }) else { return }
        let current = LineageParser.splitGTDBSuffix(entries[genusIndex].name)?.base ?? entries[genusIndex].name
        guard current == oldGenus else { return }
        work.record(.rename, "genus '\(entries[genusIndex].name)' → '\(newGenus)' with its species", source: row.source)
        higherNames.remove(entries[genusIndex].name)
        entries[genusIndex].name = String(newGenus)
        higherNames.insert(String(newGenus))
    }

    /// What a reference lookup of one name found.
    enum LookupOutcome {
        /// No reference data of the target is loaded.
        case notChecked
        /// Found; with the NCBI tax id when the taxdump names exactly one taxon.
        case found(taxID: Int?)
        /// Missing from (or ambiguous in) the loaded reference.
        case missing
    }

    /// Checks `name` against the loaded reference of the target (the taxdump: scientific
    /// names first, then synonyms; the GTDB names at the same rank).
    private func lookUp(_ name: inout String, rank: Rank, higherNames: Set<String>, into work: inout ResolutionWork) -> LookupOutcome {
        switch target {
        case .ncbi:
            guard let taxdump = reference.taxdump else { return .notChecked }
            let id = NCBINameLookup(taxdump: taxdump).resolve(&name, rank: rank, higherNames: higherNames, into: &work)
            return id.map { .found(taxID: $0) } ?? .missing
        case .gtdb:
            guard let gtdb = reference.gtdb else { return .notChecked }
            guard gtdb.lineage(of: name, rank: rank) != nil else {
                work.note(.unresolved, "\(rank.rawValue) '\(name)' is not in the GTDB taxonomy file", source: "the GTDB taxonomy file")
                return .missing
            }
            return .found(taxID: nil)
        case .lpsn:
            return .notChecked
        }
    }

    /// The deepest formal name decides: found in the taxdump, it gives the taxon its tax id and
    /// full lineage (placeholders below it are kept); missing from loaded reference data, the
    /// taxon is unresolved; with no reference data, a name no rule changed is taken as exact.
    private func settleDeepest(_ deepest: (index: Int, outcome: LookupOutcome)?, entries: [LineageEntry],
                               into work: inout ResolutionWork) {
        guard let deepest else { return }
        let entry = entries[deepest.index]
        switch deepest.outcome {
        case .notChecked:
            guard work.methods.isEmpty else { return }
            work.record(.exact, "'\(entry.name)' kept: no \(target.rawValue) reference data loaded to check it against",
                        source: "bundled renames only")
        case .missing:
            work.record(.unresolved, "\(entry.rank.rawValue) '\(entry.name)' could not be matched; the original is kept",
                        source: target == .ncbi ? "names.dmp" : "the GTDB taxonomy file")
            work.taxon.lineage = work.original.lineage
        case .found(taxID: nil):
            work.record(.exact, "\(entry.rank.rawValue) '\(entry.name)' is a \(target.rawValue) name", source: "the GTDB taxonomy file")
        case let .found(taxID: id?):
            guard let taxdump = reference.taxdump, let levels = taxdump.lineage(of: id) else { return }
            var lineage = TaxdumpLineage.ranked(levels)
            for below in entries[(deepest.index + 1)...] where !below.name.isEmpty {
                if let longer = lineage.appending(below) { lineage = longer }
            }
            if lineage != work.taxon.lineage {
                work.record(.lineageFromTaxID, "lineage from tax id \(id): \(LineageFormatter.prefixed(lineage))",
                            source: "nodes.dmp, names.dmp")
            }
            work.record(.exact, "'\(entry.name)' is tax id \(id) in names.dmp", source: "names.dmp")
            work.taxon.lineage = lineage
            work.taxon.taxonID = TaxonID(system: "ncbi", value: String(id))
            for (key, value) in TaxdumpLineage.metadata(levels) { work.taxon.metadata[key] = .string(value) }
        }
    }
}

/// Finds a name in `names.dmp` as taxonkit's `name2taxid` does (every name class), narrowing
/// homonyms by rank and by the names above it in the lineage.
struct NCBINameLookup {
    let taxdump: NCBITaxdump

    func resolve(_ name: inout String, rank: Rank, higherNames: Set<String>, into work: inout ResolutionWork) -> Int? {
        let matches = taxdump.matches(forName: name)
        guard !matches.isEmpty else {
            work.note(.unresolved, "\(rank.rawValue) '\(name)' is not in names.dmp", source: "names.dmp")
            return nil
        }
        var candidates = Array(Set(matches.map(\.taxID))).sorted()
        if rank != .unranked, candidates.count > 1 {
            let sameRank = candidates.filter { taxdump.rank(of: $0).flatMap(LineageParser.ncbiRank(word:)) == rank }
            if !sameRank.isEmpty { candidates = sameRank }
        }
        if candidates.count > 1 {
            let placed = candidates.filter { taxdump.hasAncestor(of: $0, namedAnyOf: higherNames) }
            if !placed.isEmpty { candidates = placed }
        }
        guard candidates.count == 1, let id = candidates.first else {
            work.note(.unresolved, "'\(name)' names \(candidates.count) taxa (tax ids \(candidates.map(String.init).joined(separator: ", "))); "
                          + "a bare name is no identity", source: "names.dmp")
            return nil
        }
        let scientific = taxdump.scientificName(of: id) ?? name
        if scientific != name {
            let nameClass = matches.first { $0.taxID == id }?.nameClass ?? "name"
            work.record(.synonym, "'\(name)' is a \(nameClass) of tax id \(id), whose scientific name is '\(scientific)'",
                        source: "names.dmp")
            name = scientific
        }
        return id
    }
}
