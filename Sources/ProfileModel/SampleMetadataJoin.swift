/// What joining a sample metadata file to a table found: ids only the file has, and samples
/// the file does not describe.
public struct SampleMetadataJoinReport: Sendable, Hashable {
    /// Ids of the file's rows that name no sample of the table, in file order.
    public var unknownIDs: [String]
    /// Ids of the table's samples that no row of the file names, in table order.
    public var samplesWithoutMetadata: [String]
}

extension ProfileTable {
    /// The table with each sample's metadata extended by its row of `rows` (sample id → typed
    /// values; a value in the file replaces the table's value of the same key), as
    /// `biom add-metadata` does. Logs one `add-metadata` step naming `file`, and reports ids
    /// that do not match.
    public func joiningSampleMetadata(_ rows: [(id: String, values: [String: MetadataValue])],
                                      file: String) -> (table: ProfileTable, report: SampleMetadataJoinReport) {
        var rowByID: [String: [String: MetadataValue]] = [:]
        var unknown: [String] = []
        let ids = Set(samples.map(\.id))
        for row in rows {
            rowByID[row.id] = row.values
            if !ids.contains(row.id) { unknown.append(row.id) }
        }
        var copy = self
        var missing: [String] = []
        for index in copy.samples.indices {
            guard let values = rowByID[copy.samples[index].id] else {
                missing.append(copy.samples[index].id)
                continue
            }
            copy.samples[index].metadata.merge(values) { _, new in new }
        }
        copy.provenance.steps.append(ProvenanceStep(action: .addMetadata, parameters: [
            "file": file, "samples-matched": String(samples.count - missing.count),
            "unknown-ids": String(unknown.count), "samples-without-metadata": String(missing.count),
        ]))
        return (copy, SampleMetadataJoinReport(unknownIDs: unknown, samplesWithoutMetadata: missing))
    }

    /// The metadata key a sample source fact is written under by ``recordingSourcesAsMetadata()``:
    /// `source_lab`, `source_pipeline_version`, `source_file` …
    public static func metadataKey(forSource key: SourceKey) -> String {
        "source_" + key.rawValue.replacingOccurrences(of: "source-", with: "").replacingOccurrences(of: "-", with: "_")
    }

    /// The table with each sample's effective source facts (``source(ofSample:)``) also written as
    /// sample metadata (``metadataKey(forSource:)``), for output formats that have no other place
    /// for per-sample sources (BIOM, TSV). Logs one step.
    public func recordingSourcesAsMetadata() -> ProfileTable {
        var copy = self
        for index in samples.indices {
            for (key, value) in source(ofSample: index) { copy.samples[index].metadata[Self.metadataKey(forSource: key)] = .string(value) }
        }
        copy.provenance.steps.append(ProvenanceStep(action: .sourcesAsMetadata))
        return copy
    }
}
