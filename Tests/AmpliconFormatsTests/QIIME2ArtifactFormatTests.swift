import BIOMFormats
import FormatKit
import Foundation
import ProfileModel
import QIIME2Formats
import Testing

@Suite struct QIIME2ArtifactFormatTests {
    let plugin = QIIME2ArtifactFormat()

    func artifact(_ name: String) -> ImportInput {
        ImportInput(url: AmpliconTestSupport.conformanceFile("qiime2-artifact", name))
    }

    @Test func detectsTheUUIDFolderLayout() throws {
        let detection = plugin.detect(try artifact("valid-own-frequency.qza").prefix())
        #expect(detection.confidence == 0.95)
        let plainZip = try ImportInput.bytes([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 22) + [5, 0, 0, 0] + Array("a.txt".utf8),
                                             name: "a.zip")
        #expect(plugin.detect(try plainZip.prefix()) == .noMatch)
    }

    @Test func aBareTaxonomyTSVIsNamedAndRefusedWithAHint() throws {
        let text = "Feature ID\tTaxon\tConfidence\nf1\tk__Bacteria; p__Firmicutes\t0.98\n"
        let input = try AmpliconTestSupport.input(text, name: "taxonomy.tsv")
        guard case .unsure(let reason) = plugin.detect(try input.prefix()) else {
            Issue.record("expected unsure")
            return
        }
        #expect(reason.contains("companion"))
        let error = AmpliconTestSupport.failure { () throws(ImportError) in try plugin.read(input, options: ImportOptions()) }
        #expect(error?.code == "unsupported")
        #expect(error?.message.contains("--companion taxonomy=taxonomy.tsv") == true)
    }

    @Test func aFrequencyTableKeepsTheArtifactsIdentityInProvenance() throws {
        let table = try plugin.read(artifact("valid-own-frequency.qza"), options: ImportOptions())
        #expect(table.unit == .counts)
        #expect(table.samples.map(\.id) == ["L1S8", "L1S57", "L2S155"])
        #expect(table.sampleTotals() == [127, 70, 127])
        let source = table.provenance.source
        #expect(source[SourceKey(name: "qiime2-uuid")] == "5e1c2b2a-8f7d-4c1e-9a3b-0d6f1e2a3b4c")
        #expect(source[SourceKey(name: "qiime2-semantic-type")] == "FeatureTable[Frequency]")
        #expect(source[SourceKey(name: "pipeline-version")] == "2024.5.0")
        #expect(source[SourceKey(name: "qiime2-action")] == "dada2 denoise_single")
    }

    @Test func aRelativeFrequencyTableIsReadAsFractions() throws {
        let table = try plugin.read(artifact("valid-own-relative-frequency.qza"), options: ImportOptions())
        #expect(table.unit == .relative)
        #expect(table.sampleTotals().allSatisfy { abs($0 - 1) < 1e-12 })
    }

    @Test func aTaxonomyArtifactIsTheTablesCompanion() throws {
        let input = artifact("valid-own-frequency-with-taxonomy.qza")
            .with(companions: ["taxonomy": artifact("valid-own-frequency-with-taxonomy+taxonomy.qza")])
        let table = try plugin.read(input, options: ImportOptions())
        #expect(table.taxa[0].lineage.name(at: .genus) == "Bacteroides")
        #expect(table.taxa[0].metadata["confidence"] == .number(0.9987))
        #expect(table.provenance.source[SourceKey(name: "qiime2-taxonomy-uuid")] == "a7d3c9e1-2b4f-4e6a-8c1d-3f5b7a9c0e2d")
    }

    @Test func aTableArtifactIsNoTaxonomyCompanion() throws {
        let input = artifact("valid-own-frequency.qza").with(companions: ["taxonomy": artifact("valid-own-relative-frequency.qza")])
        let error = AmpliconTestSupport.failure { () throws(ImportError) in try plugin.read(input, options: ImportOptions()) }
        #expect(error?.code == "unsupported")
    }

    @Test func aTaxonomyArtifactAloneIsTaxaWithoutSamples() throws {
        let table = try plugin.read(artifact("valid-own-taxonomy.qza"), options: ImportOptions())
        #expect(table.samples.isEmpty)
        #expect(table.taxa.count == 4)
        #expect(table.diagnostics.contains { $0.code == "table.no-abundances" })
    }

    @Test(arguments: [("invalid-own-no-metadata.qza", "missing-field"), ("invalid-own-wrong-semantic-type.qza", "unsupported"),
                      ("invalid-own-zip-bomb.qza", "limit-exceeded"), ("invalid-own-truncated.qza", "syntax")])
    func brokenArtifactsFailWithTheirCode(name: String, code: String) {
        let error = AmpliconTestSupport.failure { () throws(ImportError) in try plugin.read(artifact(name), options: ImportOptions()) }
        #expect(error?.code == code)
    }

    @Test func limitsOnEntriesAndExpandedSizeHold() {
        let fewEntries = QIIME2ArtifactFormat(limits: ArtifactLimits(maxEntries: 3))
        let entries = AmpliconTestSupport.failure { () throws(ImportError) in
            try fewEntries.read(artifact("valid-own-frequency.qza"), options: ImportOptions())
        }
        #expect(entries?.code == "limit-exceeded")
        let smallExpansion = QIIME2ArtifactFormat(limits: ArtifactLimits(maxExpandedBytes: 1_000))
        let expanded = AmpliconTestSupport.failure { () throws(ImportError) in
            try smallExpansion.read(artifact("valid-own-frequency.qza"), options: ImportOptions())
        }
        #expect(expanded?.code == "limit-exceeded")
    }

    /// The corpus artifacts are GPL-licensed: read here from the shared corpus, never copied.
    @Test(.enabled(if: AmpliconTestSupport.hasCorpus))
    func theCorpusArtifactsAgreeWithTheBIOMFileInside() throws {
        let corpus = AmpliconTestSupport.corpus
        let table = try plugin.read(
            ImportInput(url: corpus.appendingPathComponent("qiime2_artifact/microbiomeMarker_table.qza"))
                .with(companions: ["taxonomy": ImportInput(url: corpus.appendingPathComponent("qiime2_artifact/microbiomeMarker_taxonomy.qza"))]),
            options: ImportOptions())
        // The same table, extracted from this artifact, is in the corpus as plain BIOM.
        let extracted = try BIOMHDF5Format().read(ImportInput(url: corpus.appendingPathComponent("biom2_hdf5/moving_pictures_feature-table.biom")),
                                                  options: ImportOptions())
        #expect(table.samples.map(\.id) == extracted.samples.map(\.id))
        #expect(table.taxa.map(\.id) == extracted.taxa.map(\.id))
        #expect(table.abundances == extracted.abundances)
        #expect(table.provenance.source[SourceKey(name: "qiime2-semantic-type")] == "FeatureTable[Frequency]")
        #expect(table.provenance.source[SourceKey(name: "pipeline-version")] == "2020.8.0")
        #expect(table.taxa.allSatisfy { !$0.lineage.entries.isEmpty })
    }
}
