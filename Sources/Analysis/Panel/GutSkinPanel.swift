import ProfileModel

/// Published associations between faecal taxa and four skin conditions (acne, atopic dermatitis,
/// psoriasis, rosacea), shown next to each sample's abundance of those taxa as context.
///
/// The rows come only from the sourced rows of the project's `docs/ANALYSIS.md` (§2) and ship as
/// `gut-skin-panel.tsv`. The panel reports abundances and the literature; it never combines
/// them into a diagnosis or a score.
public struct GutSkinPanel: Sendable {
    /// One published association.
    public struct Association: Sendable, Codable, Equatable {
        public var condition: String
        public var taxon: String
        public var rank: Rank
        /// `increased`, `decreased` or `conflicting`, in patients compared with controls.
        public var direction: String
        /// `single`, `replicated`, `replicated but contradicted` or `conflicting`, as the doc marks it.
        public var evidence: String
        public var cohort: String
        public var source: String
        public var note: String
    }

    /// One association with the samples' abundances of its taxon.
    public struct Row: Sendable, Codable, Equatable {
        public var association: Association
        /// Whether the data names taxa at the association's rank at all (else the shares are unknown).
        public var measurable: Bool
        /// Each sample's share (0…1) of the taxon; empty when not measurable.
        public var shares: [Double]
        /// How many samples contain the taxon.
        public var samplesWithTaxon: Int
    }

    /// What the literature says about these associations, shown with every panel.
    public static let caveats = [
        "These are associations reported between groups of patients and controls, mostly in small single cohorts; they are not diagnostic and say nothing about an individual.",
        "Abundances depend on the lab's assay (16S region or shotgun), pipeline and reference database, so values from different labs are not directly comparable.",
        "Directions compare faecal samples of patients with controls; several findings conflict between cohorts or were seen in one sex only.",
        "The Firmicutes/Bacteroidetes ratio is contested as a marker (Magne et al. 2020, Nutrients 12:1474) and depends on the taxonomy used (GTDB splits Firmicutes; LPSN calls the phyla Bacillota and Bacteroidota).",
    ]

    /// The associations, in file order.
    public let associations: [Association]

    /// The panel shipped with the engine.
    public init() throws(AnalysisError) {
        let file = "gut-skin-panel.tsv"
        let table = try DataTable.bundled(file, required: ["condition", "taxon", "rank", "direction", "status", "cohort", "source", "note"])
        associations = try table.rows.map { row throws(AnalysisError) -> Association in
            let fields = row.fields
            guard let rank = Rank(name: fields["rank"] ?? ""), rank != .unranked else {
                throw .malformedData(file: file, line: row.line, reason: "unknown rank '\(fields["rank"] ?? "")'")
            }
            return Association(condition: fields["condition"] ?? "", taxon: fields["taxon"] ?? "", rank: rank,
                               direction: fields["direction"] ?? "", evidence: fields["status"] ?? "",
                               cohort: fields["cohort"] ?? "", source: fields["source"] ?? "", note: fields["note"] ?? "")
        }
    }

    /// The rows for a leaves table: each sample's share of each association's taxon, summed over
    /// the table's taxa named so at that rank.
    public func rows(for table: ProfileTable) -> [Row] {
        let totals = table.sampleTotals()
        let present = Set(table.ranksPresent())
        return associations.map { association in
            let wanted = SpeciesName.normalized(association.taxon)
            let matches = table.taxa.map { taxon in
                taxon.lineage.name(at: association.rank).map(SpeciesName.normalized) == wanted
            }
            guard present.contains(association.rank) else {
                return Row(association: association, measurable: false, shares: [], samplesWithTaxon: 0)
            }
            var withTaxon = 0
            let shares = (0..<table.samples.count).map { sample -> Double in
                var sum = 0.0
                for (taxon, value) in table.abundances.entries(ofSample: sample) where matches[taxon] { sum += value }
                if sum > 0 { withTaxon += 1 }
                return totals[sample] > 0 ? sum / totals[sample] : 0
            }
            return Row(association: association, measurable: true, shares: shares, samplesWithTaxon: withTaxon)
        }
    }
}
