import FormatKit
import Foundation
import ProfileModel

/// The `#` header of a MetaPhlAn profile and what it says: database, command line, reads
/// processed, sample name, column names, and so the MetaPhlAn version.
///
/// MetaPhlAn 3 and 4 start with `#mpa_v30_CHOCOPhlAn_201901` (3.0), `#mpa_v31_…` (3.1) or
/// `#mpa_vJan21_…`, `#mpa_vOct22_CHOCOPhlAnSGB_202212`, `#mpa_vJun23_…`, `#mpa_vJan25_…` (4.x),
/// then the command line, `#N reads processed` (3.1 on), `#SampleID\t…` and `#clade_name\t…`.
/// MetaPhlAn 2 writes only `#SampleID\tMetaphlan2_Analysis` and two columns.
/// See https://github.com/biobakery/MetaPhlAn/wiki/MetaPhlAn-4 (output files).
struct MetaPhlAnProfileHeader: Sendable, Equatable {
    var database: String?
    var commandLine: String?
    var readsProcessed: String?
    /// The sample name `#SampleID` gives, unless it is MetaPhlAn's placeholder `Metaphlan_Analysis`.
    var sampleName: String?
    /// Whether a `#SampleID` (or pandas' `__pd__SampleID`) line was seen.
    var hasSampleIDLine = false
    /// Column names from `#clade_name\t…`, trimmed (MetaPhlAn 3.0 writes ` additional_species`).
    var columns: [String] = []

    /// Reads one header line; `false` when it is not a header line.
    mutating func accept(_ line: Substring) -> Bool {
        let body: Substring
        if line.hasPrefix("#") { body = line.dropFirst() } else if line.hasPrefix("__pd__SampleID") { body = line.dropFirst(6) } else { return false }
        let fields = body.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        if fields.first == "clade_name" {
            columns = fields
        } else if fields.first == "SampleID" {
            hasSampleIDLine = true
            if fields.count > 1, !fields[1].lowercased().hasSuffix("_analysis") { sampleName = fields[1] }
        } else if body.hasPrefix("mpa_") {
            database = String(body)
        } else if body.hasSuffix(" reads processed") {
            readsProcessed = String(body.prefix { $0.isNumber })
        } else if body.contains("metaphlan") {
            commandLine = String(body)
        }
        return true
    }

    /// Whether the header has a line only MetaPhlAn writes (database, `#SampleID`, `#clade_name`).
    var isMetaPhlAns: Bool { database != nil || hasSampleIDLine || !columns.isEmpty }

    /// Whether the command line asked for `-t rel_ab_w_read_stats`, or the columns show it.
    var hasReadStatistics: Bool {
        columns.contains("estimated_number_of_reads_from_the_clade")
    }

    /// The MetaPhlAn major version and the evidence, from the header and `clades` (the clade
    /// names of the rows seen); `nil` version when nothing tells.
    func version(clades: [Substring]) -> (version: Int?, reason: String) {
        if let database {
            if database.hasPrefix("mpa_v20") { return (2, "database \(database) is MetaPhlAn 2's") }
            if database.hasPrefix("mpa_v30") || database.hasPrefix("mpa_v31") { return (3, "database \(database) is MetaPhlAn 3's") }
            if database.contains("SGB") || database.hasPrefix("mpa_vJan21") { return (4, "database \(database) is an SGB database of MetaPhlAn 4") }
        }
        if clades.contains(where: { $0.contains("|t__SGB") }) { return (4, "t__SGB strain-level clades are MetaPhlAn 4's") }
        if clades.contains("UNCLASSIFIED") { return (4, "an UNCLASSIFIED row is MetaPhlAn 4's (3 writes UNKNOWN)") }
        if columns.isEmpty { return (2, "two columns under '#SampleID\tMetaphlan2_Analysis', as MetaPhlAn 2 writes") }
        if columns.contains("NCBI_tax_id") || columns.contains("clade_taxid") { return (3, "a tax id column and no MetaPhlAn 4 clades or database") }
        return (nil, "no database line or version-specific clades")
    }

    /// The facts to record in the provenance.
    func provenance(version: Int?) -> SourceFacts {
        var source: SourceFacts = [.pipeline: "metaphlan"]
        if let version { source[.pipelineVersion] = String(version) }
        if let database { source[.database] = database }
        if let readsProcessed { source[.attribute("reads-processed")] = readsProcessed }
        if let commandLine { source[.attribute("command-line")] = commandLine }
        return source
    }
}
