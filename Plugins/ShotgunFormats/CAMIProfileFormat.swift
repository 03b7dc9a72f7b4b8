import FormatKit
import ProfileModel

/// The CAMI / Bioboxes taxonomic profiling format, which the CAMI challenges' benchmarking
/// tools (OPAL) read: per sample a header block and one row per taxon with its rank, tax id
/// path, name path and percentage.
///
/// Spec: https://github.com/bioboxes/rfc/blob/master/data-format/profiling.mkd. Versions: 0.9.x.
/// Several samples per file, each starting at `@SampleID`. A real profile (OPAL's test data, shortened):
/// ```
/// @SampleID:CAMI_LOW_S001
/// @Version:0.9.3
/// @Ranks:superkingdom|phylum|class|order|family|genus|species|strain
/// @TaxonomyID:cami-ncbi-taxonomy_2015.01.30
/// @__program__:metaphlan2
/// @@TAXID	RANK	TAXPATH	TAXPATHSN	PERCENTAGE
/// 2	superkingdom	2	Bacteria	100.000000
/// 976	phylum	2|976	Bacteria|Bacteroidetes	0.764760
/// ```
/// Import gives percent, clade-cumulative; feature ids the tax ids, lineages from `TAXPATHSN`
/// with ranks from `@Ranks` (an empty path element is a level the taxonomy skips), the path's ids
/// as ``Taxon/levelTaxonIDs``; `@TaxonomyID`, `@__program__` and other fields become sample
/// metadata, the first `@Version` goes into the provenance.
/// Tax ids are NCBI's unless `@TaxonomyID` or the `taxonomy-system` option says otherwise.
///
/// Export writes every sample of a clade-cumulative table with tax ids, as percentages; it
/// loses levels outside CAMI's ranks, rows ending in one, labels other than the last name of the
/// path, taxon metadata, provenance and diagnostics, and counts (only percentages are written).
public struct CAMIProfileFormat: ProfileImporter, ProfileExporter {
    public init() {}

    public let format = FormatDescription(
        id: "cami-profile", name: "CAMI / Bioboxes profile",
        summary: "CAMI taxonomic profiling format (@SampleID, @Ranks, @@TAXID … PERCENTAGE), several samples per file.",
        versions: ["0.9.1", "0.9.3"], extensions: ["profile", "cami", "tsv", "txt"],
        specURL: "https://github.com/bioboxes/rfc/blob/master/data-format/profiling.mkd",
        canImport: true, canExport: true,
        exportLosses: ["levels outside CAMI's ranks, and rows ending in one",
                       "labels (the last name of the path is written), taxon metadata",
                       "provenance and diagnostics", "counts and other units (written as percent)"],
        importOptions: [TaxonomySystemOption.option])

    public func detect(_ prefix: InputPrefix) -> Detection {
        let lines = prefix.lines
        let hasSample = lines.contains { $0.hasPrefix("@SampleID:") }
        let hasColumns = lines.contains { $0.hasPrefix("@@TAXID\t") }
        switch (hasSample, hasColumns) {
        case (true, true): return .match(confidence: 0.97, reason: "CAMI header lines (@SampleID, @@TAXID … PERCENTAGE)")
        case (false, true), (true, false): return .match(confidence: 0.6, reason: "a CAMI header line, but not both @SampleID and @@TAXID")
        case (false, false): return .noMatch
        }
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try CAMIProfileReader(input: input, options: options, formatID: format.id).read()
    }

    /// A planned export: the checked table and its losses.
    public struct Plan: ExportPlan {
        let writer: CAMIProfileWriter
        public let losses: [DeclaredLoss]
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> Plan {
        Plan(writer: try CAMIProfileWriter(table: table), losses: CAMIProfileWriter.losses(for: table))
    }

    public func write(_ plan: Plan, to output: inout OutputSink) throws(ExportError) {
        try plan.writer.write(to: &output)
    }
}
