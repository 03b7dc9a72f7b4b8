import ProfileModel

/// Where each sample of a table came from: lab, assay, pipeline and reference database.
///
/// Interim: the model is gaining typed per-sample sources; until then a sample's source is the
/// table's source facts, overridden by the sample's own metadata under the same keys (which is
/// how a merged cohort can carry them today).
enum SampleSources {
    /// The source facts that decide whether two samples are comparable.
    static let comparedKeys = ["lab", "vendor", "assay", "pipeline", "pipeline-version", "database", "database-version"]

    /// Each sample's source facts (only the compared keys that are known).
    static func sources(of table: ProfileTable) -> [[String: String]] {
        let shared = table.provenance.source.filter { comparedKeys.contains($0.key) }
        return table.samples.map { sample in
            var facts = shared
            for key in comparedKeys {
                if case .string(let value)? = sample.metadata[key] { facts[key] = value }
            }
            return facts
        }
    }
}
