import ProfileModel

/// The one place the QIIME 2 plugin writes provenance: what the artifact says about itself,
/// under `qiime2-*` source keys, and QIIME 2 as the pipeline with its framework version.
enum ArtifactProvenance {
    static func record(_ artifact: ArtifactMetadata, taxonomy: ArtifactMetadata?, into provenance: inout Provenance) {
        provenance.source[.pipeline] = "QIIME 2"
        provenance.source[.pipelineVersion] = artifact.frameworkVersion
        provenance.source[.attribute("qiime2-uuid")] = artifact.uuid
        provenance.source[.attribute("qiime2-semantic-type")] = artifact.semanticType
        provenance.source[.attribute("qiime2-format")] = artifact.directoryFormat
        provenance.source[.attribute("qiime2-archive-version")] = artifact.archiveVersion
        provenance.source[.attribute("qiime2-action")] = artifact.action
        if let taxonomy {
            provenance.source[.attribute("qiime2-taxonomy-uuid")] = taxonomy.uuid
            provenance.source[.attribute("qiime2-taxonomy-action")] = taxonomy.action
        }
    }
}
