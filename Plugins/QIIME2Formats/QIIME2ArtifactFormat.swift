import BIOMFormats
import FormatKit
import Foundation
import ProfileModel
import TabularKit

/// A QIIME 2 artifact (`.qza`): a zip archive whose single root folder, named by the artifact's
/// UUID, holds `metadata.yaml` (uuid, semantic type, directory format), `VERSION`, the payload in
/// `data/` and the full provenance in `provenance/`.
///
/// Layout documented in QIIME 2's "Anatomy of an Archive"
/// (https://develop.qiime2.org/en/latest/framework/explanations/archives.html); archive
/// versions 1–7 share it. A real artifact, as `unzip -l` lists it:
/// ```
/// 21184fc9-…/metadata.yaml               uuid: 21184fc9-…, type: FeatureTable[Frequency], format: BIOMV210DirFmt
/// 21184fc9-…/VERSION                     QIIME 2 / archive: 5 / framework: 2020.8.0
/// 21184fc9-…/provenance/action/action.yaml
/// 21184fc9-…/data/feature-table.biom     BIOM 2.1 HDF5
/// ```
/// Semantic types read: `FeatureTable[Frequency]` (counts) and `FeatureTable[RelativeFrequency]`
/// (fractions), whose `data/feature-table.biom` is BIOM 2.1 HDF5 (`BIOMV210DirFmt`) or BIOM 1.0
/// JSON (`BIOMV100DirFmt`) and is read by the BIOM plugins; and `FeatureData[Taxonomy]`
/// (`data/taxonomy.tsv`), read on its own as a table of taxa without samples. A table artifact
/// takes a taxonomy artifact (or a plain `taxonomy.tsv`) as its `taxonomy` companion. The
/// artifact's uuid, semantic type, directory format, archive and framework versions and the
/// action that made it are kept in `provenance.source`.
///
/// The zip is read with ZIPFoundation within ``ArtifactLimits``. Import only: writing an
/// artifact means writing QIIME 2's provenance, which only QIIME 2 can vouch for.
public struct QIIME2ArtifactFormat: ProfileImporter {
    let limits: ArtifactLimits

    public init(limits: ArtifactLimits = ArtifactLimits()) {
        self.limits = limits
    }

    public let format = FormatDescription(
        id: "qiime2-artifact", name: "QIIME 2 artifact",
        summary: "QIIME 2 .qza archive of a FeatureTable[Frequency], FeatureTable[RelativeFrequency] or FeatureData[Taxonomy].",
        versions: ["archive 1-7"], extensions: ["qza"], mediaType: "application/zip",
        specURL: "https://develop.qiime2.org/en/latest/framework/explanations/archives.html",
        canImport: true, canExport: false,
        companions: [CompanionDescription(role: TaxonomyCompanion.role, required: false,
                                          summary: "a FeatureData[Taxonomy] artifact (.qza) or taxonomy.tsv giving lineages to the feature ids")],
        isBinary: true)

    /// The semantic types this plugin reads.
    static let tableTypes: [String: AbundanceUnit] = ["FeatureTable[Frequency]": .counts,
                                                       "FeatureTable[RelativeFrequency]": .relative]
    static let taxonomyType = "FeatureData[Taxonomy]"

    public func detect(_ prefix: InputPrefix) -> Detection {
        if Self.looksLikeTaxonomyTSV(prefix) {
            return .unsure(reason: "a QIIME 2 taxonomy table (Feature ID, Taxon), the payload of a FeatureData[Taxonomy] artifact: the companion of a feature table, not a profile")
        }
        guard let member = Self.firstMemberName(prefix.bytes) else { return .noMatch }
        guard let root = member.split(separator: "/", omittingEmptySubsequences: false).first,
              member.contains("/"), Self.isUUID(root) else {
            return .noMatch
        }
        return .match(confidence: 0.95, reason: "zip archive whose members lie in a UUID folder (\(member)), as QIIME 2 archives are laid out")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        if Self.looksLikeTaxonomyTSV(try input.prefix()) {
            throw .unsupported(input.location(line: 1),
                               reason: "this is a QIIME 2 taxonomy table, which gives features their lineages but holds no abundances: import the feature table with --companion taxonomy=\(input.name)")
        }
        let artifact = try OpenedArtifact(input, limits: limits)
        if artifact.metadata.semanticType == Self.taxonomyType {
            return try readTaxonomy(artifact)
        }
        guard let unit = Self.tableTypes[artifact.metadata.semanticType] else {
            throw .unsupported(input.location(path: artifact.root + "/metadata.yaml"),
                               reason: "the artifact is a \(artifact.metadata.semanticType); this plugin reads \((Self.tableTypes.keys.sorted() + [Self.taxonomyType]).joined(separator: ", "))")
        }
        let taxonomy = try input.companions[TaxonomyCompanion.role].map { companion throws(ImportError) in
            try TaxonomyInput(companion, limits: limits)
        }
        let biom = try artifact.member(named: "feature-table.biom")
        var tableInput = ImportInput(url: biom.url, name: input.name)
        if let taxonomy { tableInput = tableInput.with(companions: [TaxonomyCompanion.role: taxonomy.input]) }
        var tableOptions = options
        tableOptions.unit = options.unit ?? unit
        let reader: any ProfileImporter = try Self.isHDF5(tableInput) ? BIOMHDF5Format() : BIOMJSONFormat()
        var table = try withExtendedLifetime(biom) { () throws(ImportError) in try reader.read(tableInput, options: tableOptions) }
        ArtifactProvenance.record(artifact.metadata, taxonomy: taxonomy?.metadata, into: &table.provenance)
        return table
    }

    /// A taxonomy artifact on its own: every feature as a taxon with its lineage and confidence, no samples.
    private func readTaxonomy(_ artifact: OpenedArtifact) throws(ImportError) -> ProfileTable {
        let file = try artifact.member(named: "taxonomy.tsv")
        let companion = try withExtendedLifetime(file) { () throws(ImportError) in
            try TaxonomyCompanion.read(ImportInput(url: file.url, name: artifact.input.name))
        }
        var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
        for id in companion.entries.keys.sorted() {
            do { _ = try builder.addTaxon(Taxon(id: id, label: id)) } catch {
                throw ImportError(error, at: artifact.input.location(path: artifact.root + "/data/taxonomy.tsv"))
            }
        }
        companion.annotate(&builder)
        builder.addDiagnostic(Diagnostic(.noAbundances,
                                         message: "a FeatureData[Taxonomy] artifact holds lineages but no abundances: the table has taxa and no samples; pass it as --companion taxonomy=FILE of a feature table"))
        ArtifactProvenance.record(artifact.metadata, taxonomy: nil, into: &builder.provenance)
        do { return try builder.build() } catch { throw ImportError(error, at: artifact.input.location()) }
    }

    // MARK: Detection helpers

    /// Whether the text starts with the header of QIIME 2's taxonomy.tsv (`Feature ID`, `Taxon`, …).
    static func looksLikeTaxonomyTSV(_ prefix: InputPrefix) -> Bool {
        guard let first = prefix.firstNonBlankLines(1).first else { return false }
        let cells = TextCells.split(String(first), delimiter: UInt8(ascii: "\t"), quote: nil).map(HeaderCells.normalized)
        return cells.count >= 2 && cells[0] == "feature id" && cells[1] == "taxon"
    }

    /// The name of the zip's first local file header, if the bytes start with one.
    static func firstMemberName(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 30, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 else { return nil }
        let length = Int(bytes[26]) | Int(bytes[27]) << 8
        guard length > 0, bytes.count >= 30 + length else { return nil }
        return String(decoding: bytes[30..<(30 + length)], as: UTF8.self)
    }

    /// Whether `text` is a UUID in its canonical 8-4-4-4-12 hexadecimal form.
    static func isUUID(_ text: Substring) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// Whether the payload is BIOM 2.1 (HDF5) rather than BIOM 1.0 (JSON), as the BIOM plugins detect it.
    private static func isHDF5(_ payload: ImportInput) throws(ImportError) -> Bool {
        let prefix = try payload.prefix()
        return BIOMHDF5Format().detect(prefix).confidence > BIOMJSONFormat().detect(prefix).confidence
    }
}

/// An artifact opened and checked: one UUID root folder with a readable `metadata.yaml`.
struct OpenedArtifact {
    let input: ImportInput
    let archive: ArtifactArchive
    let root: String
    let metadata: ArtifactMetadata

    init(_ input: ImportInput, limits: ArtifactLimits) throws(ImportError) {
        self.input = input
        archive = try ArtifactArchive(input, limits: limits)
        let roots = Set(archive.paths.map { $0.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0] })
        guard roots.count == 1, let root = roots.first, QIIME2ArtifactFormat.isUUID(root) else {
            throw .syntax(input.location(), reason: "a QIIME 2 archive has exactly one root folder named by a UUID; this zip has \(roots.sorted().prefix(3).joined(separator: ", "))")
        }
        self.root = String(root)
        guard archive.entries[self.root + "/metadata.yaml"] != nil else {
            throw .missingField(input.location(path: self.root), field: "metadata.yaml")
        }
        metadata = try ArtifactMetadata(archive: archive, root: self.root)
    }

    /// The payload file `data/NAME`, extracted to a temporary file.
    func member(named name: String) throws(ImportError) -> TemporaryFile {
        let path = root + "/data/" + name
        guard archive.entries[path] != nil else {
            throw .missingField(input.location(path: path),
                                field: "data/\(name) (the \(metadata.directoryFormat ?? "artifact's") payload)")
        }
        return try archive.temporaryCopy(of: path)
    }
}

/// The `taxonomy` companion of a table artifact: a taxonomy artifact, whose `taxonomy.tsv` is
/// extracted, or a plain taxonomy table passed through as it is.
struct TaxonomyInput {
    let input: ImportInput
    /// The taxonomy artifact's own metadata, when the companion is one.
    let metadata: ArtifactMetadata?
    private let keepAlive: TemporaryFile?

    init(_ companion: ImportInput, limits: ArtifactLimits) throws(ImportError) {
        let prefix = try companion.prefix()
        guard QIIME2ArtifactFormat.firstMemberName(prefix.bytes) != nil else {
            input = companion
            metadata = nil
            keepAlive = nil
            return
        }
        let artifact = try OpenedArtifact(companion, limits: limits)
        guard artifact.metadata.semanticType == QIIME2ArtifactFormat.taxonomyType else {
            throw .unsupported(companion.location(path: artifact.root + "/metadata.yaml"),
                               reason: "the taxonomy companion is a \(artifact.metadata.semanticType) artifact, not a \(QIIME2ArtifactFormat.taxonomyType)")
        }
        let file = try artifact.member(named: "taxonomy.tsv")
        input = ImportInput(url: file.url, name: companion.name)
        metadata = artifact.metadata
        keepAlive = file
    }
}
