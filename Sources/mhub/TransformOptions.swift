import ArgumentParser
import Foundation
import ProfileModel

/// The table transforms `convert` applies between import and export, in this order: keep or
/// drop samples, turn clade-cumulative rows into leaves, collapse to a rank, filter taxa,
/// convert the unit. The options follow `biom subset-table`, `filter-table` and `collapse`.
struct TransformOptions: ParsableArguments {
    @Option(name: .customLong("samples"), help: ArgumentHelp("Keep only these samples: ids separated by commas, or @FILE with one id per line (repeatable).", valueName: "ids"))
    var keptSamples: [String] = []

    @Option(name: .customLong("drop-samples"), help: ArgumentHelp("Drop these samples: ids separated by commas, or @FILE with one id per line (repeatable).", valueName: "ids"))
    var droppedSamples: [String] = []

    @Flag(name: .customLong("to-leaves"), help: "Turn a clade-cumulative table into disjoint leaves, keeping residual mass as unclassified rows.")
    var toLeaves = false

    @Option(name: .customLong("collapse"), help: ArgumentHelp("Collapse to a rank (domain, kingdom, phylum, class, order, family, genus, species, strain); taxa without that rank go to 'unclassified <parent>'.", valueName: "rank"))
    var collapseRank: String?

    @Option(name: .customLong("min-total"), help: ArgumentHelp("Keep taxa whose values sum to at least this over all samples (in the table's unit).", valueName: "number"))
    var minimumTotal: Double?

    @Option(name: .customLong("min-prevalence"), help: ArgumentHelp("Keep taxa present in at least N samples, or in a fraction of them when the value is below 1 (0.1 = 10 %).", valueName: "N|fraction"))
    var minimumPrevalence: Double?

    @Option(name: .customLong("min-relative-abundance"), help: ArgumentHelp("A taxon counts as present in a sample only at this share (0–1) of the sample's total or more; alone, keeps taxa that reach it in at least one sample.", valueName: "fraction"))
    var minimumRelativeAbundance: Double?

    @Option(name: .customLong("output-unit"), help: ArgumentHelp("Convert abundances to relative, percent or cpm before writing.", valueName: "unit"))
    var outputUnit: String?

    func validate() throws {
        if let outputUnit, !["counts", "relative", "percent", "cpm"].contains(outputUnit) {
            throw ValidationError("unknown unit '\(outputUnit)' for --output-unit (use relative, percent or cpm)")
        }
        if let collapseRank, Self.rank(collapseRank) == nil {
            let ranks = Rank.ordered.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown rank '\(collapseRank)' for --collapse (use \(ranks))")
        }
        if let minimumPrevalence, !(minimumPrevalence >= 0 && (minimumPrevalence < 1 || minimumPrevalence.rounded() == minimumPrevalence)) {
            throw ValidationError("--min-prevalence takes a whole number of samples (1, 2, …) or a fraction below 1, not \(minimumPrevalence)")
        }
    }

    /// The filter the taxon options describe, if any.
    var taxonFilter: TaxonFilter? {
        let prevalence: TaxonFilter.Prevalence? = minimumPrevalence.map { value in
            value < 1 ? .fraction(value) : .samples(Int(value))
        }
        let filter = TaxonFilter(minimumTotal: minimumTotal, minimumPrevalence: prevalence,
                                 minimumRelativeAbundance: minimumRelativeAbundance)
        return filter.isEmpty ? nil : filter
    }

    /// Applies the transforms to `table` read from `inputName`; every failure names the input.
    func apply(to table: ProfileTable, inputName: String) throws(CommandFailure) -> ProfileTable {
        var table = table
        do {
            if !keptSamples.isEmpty { table = try table.selectingSamples(ids: try Self.sampleIDs(keptSamples)) }
            if !droppedSamples.isEmpty { table = try table.droppingSamples(ids: try Self.sampleIDs(droppedSamples)) }
            if toLeaves { table = table.toLeaves() }
            if let collapseRank, let rank = Self.rank(collapseRank) { table = try table.collapsed(to: rank) }
            if let taxonFilter { table = try table.filteringTaxa(taxonFilter) }
        } catch let error as TransformError {
            throw CommandFailure(message: "\(inputName): error [transform]: \(error)", exitCode: CommandFailure.dataExitCode)
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure(message: "\(inputName): error [transform]: \(error)", exitCode: CommandFailure.dataExitCode)
        }
        if let outputUnit {
            let target = try InputOptions.parseUnit(outputUnit)
            do { table = try table.converted(to: target) } catch {
                throw CommandFailure(message: "\(inputName): error [unit]: \(error)", exitCode: CommandFailure.dataExitCode)
            }
        }
        return table
    }

    private static func rank(_ name: String) -> Rank? {
        Rank(rawValue: name.lowercased()).flatMap { $0 == .unranked ? nil : $0 }
    }

    /// Sample ids from `a,b,c` lists and `@file` references (one id per line; blank lines and `#` comments skipped).
    static func sampleIDs(_ values: [String]) throws(CommandFailure) -> [String] {
        var ids: [String] = []
        for value in values {
            if value.hasPrefix("@") {
                let path = String(value.dropFirst())
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw CommandFailure(message: "\(path): error [io]: cannot read the sample id list", exitCode: CommandFailure.dataExitCode)
                }
                for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
                    let id = line.trimmingCharacters(in: .whitespaces)
                    if !id.isEmpty && !id.hasPrefix("#") { ids.append(id) }
                }
            } else {
                ids += value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }
        return ids
    }
}
