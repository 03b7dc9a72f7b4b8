import ArgumentParser
import Foundation
import ProfileModel
import Taxonomy

/// The reference taxonomy data a command may load, and the rank to collapse to.
struct ReferenceOptions: ParsableArguments {
    @Option(name: .customLong("ncbi-taxdump"), help: ArgumentHelp("A folder with the NCBI taxdump: nodes.dmp, names.dmp, and merged.dmp and delnodes.dmp when present.", valueName: "dir"))
    var taxdumpDirectory: String?

    @Option(name: .customLong("gtdb-taxonomy"), help: ArgumentHelp("A GTDB taxonomy file, bac120_taxonomy or ar53_taxonomy (repeatable).", valueName: "file"))
    var gtdbFiles: [String] = []

    @Option(help: ArgumentHelp("Cut resolved lineages after this rank (domain, phylum, class, order, family, genus, species).", valueName: "rank"))
    var rank: String?

    /// The rank named by `--rank`, if any.
    func collapseRank() throws(CommandFailure) -> Rank? {
        guard let rank else { return nil }
        guard let value = Rank(rawValue: rank.lowercased()), value != .unranked else {
            throw CommandFailure(message: "error [usage]: unknown rank '\(rank)' (use \(Rank.ordered.map(\.rawValue).joined(separator: ", ")))",
                                 exitCode: CommandFailure.usageExitCode)
        }
        return value
    }

    /// Loads the named reference data (nothing when none is named).
    func load() throws(CommandFailure) -> ReferenceData {
        do { return try ReferenceData.load(taxdumpDirectory: taxdumpDirectory, gtdbFiles: gtdbFiles) } catch {
            throw CommandFailure(message: error.description, exitCode: CommandFailure.dataExitCode)
        }
    }

    /// A resolver for `target` with this reference data and rank.
    func resolver(target: TargetTaxonomy) throws(CommandFailure) -> TaxonResolver {
        TaxonResolver(target: target, reference: try load(), rank: try collapseRank())
    }

    static func parseTarget(_ text: String) throws(CommandFailure) -> TargetTaxonomy {
        guard let target = TargetTaxonomy(rawValue: text.lowercased()) else {
            throw CommandFailure(message: "error [usage]: unknown taxonomy '\(text)' (use ncbi, gtdb or lpsn)",
                                 exitCode: CommandFailure.usageExitCode)
        }
        return target
    }
}
