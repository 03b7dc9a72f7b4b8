import Foundation
import ProfileModel

/// The Gut Microbiome Health Index (GMHI), a research index of stool metagenomes; not a diagnosis.
///
/// Gupta et al. 2020, Nat Commun 11:4635, DOI 10.1038/s41467-020-18476-8, as implemented in the
/// authors' `GMHI.R` (jaeyunsung/GMHI_2020, commit 87fe9f6e):
/// 1. species rows whose name contains "unclassified" or "virus" are dropped, each sample is
///    renormalised to sum 1, and values below 0.00001 become 0;
/// 2. for each species set S (MH: 7 health-prevalent, MN: 43 health-scarce species),
///    H_S = −Σ pᵢ ln pᵢ and R_S = the number present, over the set's species present in the sample,
///    and Ψ_S = (R_S / R′_S) · H_S with R′_MH = 7 and R′_MN = 31;
/// 3. GMHI = log₁₀((Ψ_MH + 0.00001) / (Ψ_MN + 0.00001)).
///
/// It was defined on MetaPhlAn 2 species profiles of stool; values from other pipelines,
/// databases or body sites are not on the same scale. Species are matched by name, also under
/// the current names listed in `gmhi-aliases.tsv`.
public struct GutMicrobiomeHealthIndex: Sendable {
    /// The species of the health-prevalent (MH) and health-scarce (MN) sets, normalised names.
    public let healthPrevalent: Set<String>
    public let healthScarce: Set<String>
    /// Other names (normalised) that stand for a set species.
    public let aliases: [String: String]

    /// The published sets shipped with the engine, or sets read from `speciesFile` (columns `set`, `species`).
    public init(speciesFile: String? = nil) throws(AnalysisError) {
        let required = ["set", "species"]
        let sets: DataTable
        if let speciesFile {
            sets = try DataTable.file(at: speciesFile, required: required)
        } else {
            sets = try DataTable.bundled("gmhi-species.tsv", required: required)
        }
        var prevalent = Set<String>(), scarce = Set<String>()
        for row in sets.rows {
            let name = SpeciesName.normalized(row.fields["species"] ?? "")
            switch row.fields["set"] {
            case "MH": prevalent.insert(name)
            case "MN": scarce.insert(name)
            default: throw .malformedData(file: speciesFile ?? "gmhi-species.tsv", line: row.line, reason: "set must be MH or MN")
            }
        }
        let aliasTable = try DataTable.bundled("gmhi-aliases.tsv", required: ["current", "metaphlan2"])
        var aliases: [String: String] = [:]
        for row in aliasTable.rows {
            aliases[SpeciesName.normalized(row.fields["current"] ?? "")] = SpeciesName.normalized(row.fields["metaphlan2"] ?? "")
        }
        healthPrevalent = prevalent
        healthScarce = scarce
        self.aliases = aliases
    }

    /// R′_MH and R′_MN: the median richness of each set in the top and bottom 1 % of the
    /// authors' training samples.
    public static let referenceRichness = (healthPrevalent: 7.0, healthScarce: 31.0)
    /// Values below this share count as absent; also the offset in the ratio.
    public static let presenceThreshold = 0.00001

    /// The index of every sample of a species-level table (an ``AnalysisTable`` at species).
    public func values(_ table: ProfileTable) -> [Double] {
        let names = table.taxa.map { SpeciesName.of($0, at: .species) }
        let kept = table.taxa.indices.map { index in
            guard let name = names[index] else { return false }
            return !name.contains("unclassified") && !name.contains("virus")
        }
        return (0..<table.samples.count).map { sample in
            var total = 0.0
            for (taxon, value) in table.abundances.entries(ofSample: sample) where kept[taxon] { total += value }
            guard total > 0 else { return 0 }
            var prevalent = Accumulator(), scarce = Accumulator()
            for (taxon, value) in table.abundances.entries(ofSample: sample) where kept[taxon] {
                let share = value / total
                guard share >= Self.presenceThreshold, let name = names[taxon] else { continue }
                let setName = aliases[name] ?? name
                if healthPrevalent.contains(setName) { prevalent.add(share) }
                if healthScarce.contains(setName) { scarce.add(share) }
            }
            let psiPrevalent = prevalent.psi(reference: Self.referenceRichness.healthPrevalent)
            let psiScarce = scarce.psi(reference: Self.referenceRichness.healthScarce)
            return log10((psiPrevalent + Self.presenceThreshold) / (psiScarce + Self.presenceThreshold))
        }
    }

    /// Richness and Shannon entropy of one set's species present in a sample.
    private struct Accumulator {
        var richness = 0
        var entropy = 0.0
        mutating func add(_ share: Double) {
            richness += 1
            entropy -= share * log(share)
        }
        func psi(reference: Double) -> Double { Double(richness) / reference * entropy }
    }

    /// The caveat every output that shows the index carries.
    public static let caveat = "GMHI is a research index defined on MetaPhlAn 2 species profiles of stool (Gupta et al. 2020); it is not a diagnosis, and values from other pipelines or databases are not on the same scale."
}
