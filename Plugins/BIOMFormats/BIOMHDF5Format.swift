import FormatKit
import HDF5Kit
import ProfileModel

/// BIOM 2.1: the Biological Observation Matrix in HDF5, the table format of QIIME 2
/// (`feature-table.biom` inside every `.qza`), biom-format ≥ 2.1, scikit-bio and Qiita.
///
/// Spec: http://biom-format.org/documentation/format_versions/biom-2.1.html. Versions: 2.1, and
/// 2.0 on import (the same groups and datasets; biom-format reads both alike). Export writes 2.1.
///
/// Layout (as `h5dump` shows a real file):
/// ```
/// GROUP "/" { ATTRIBUTE "type" "OTU table", "format-version" (2, 1), "shape" (5, 6), "nnz" 15, …
///   GROUP "observation" { DATASET "ids" {"GG_OTU_1", …}
///     GROUP "matrix" { DATASET "data" {1, 5, …} "indices" {2, 0, …} "indptr" {0, 1, 6, …} }
///     GROUP "metadata" { DATASET "taxonomy" (5, 7) {"k__Bacteria", "p__Proteobacteria", …} }
///     GROUP "group-metadata" { } }
///   GROUP "sample" { … the same, compressed by column … } }
/// ```
///
/// Import reads the values from the sample-oriented copy, checks both copies' sizes, maps
/// observation metadata through ``BIOMObservationMapping`` (taxonomy → lineage), keeps sample
/// metadata with its types, and records the root attributes and group metadata (trees) in
/// `provenance.source`. The unit is the `unit` attribute, else inferred (``BIOMUnitInference``).
///
/// Export writes everything the model has that BIOM holds, plus the hub's root attributes
/// (``BIOMHubEntries``: unit, provenance steps, the source's generator; `generated-by` names
/// mhub). It loses diagnostics and the type of null, absent or
/// mixed-type metadata (written as text, as biom-format does); clade-cumulative tables are
/// written as their leaves (BIOM rows are disjoint features).
/// Export option `compression=0…9` sets the deflate level (default 1, after byte-shuffling,
/// which already makes files smaller than biom-format's level 4; 0 stores uncompressed).
public struct BIOMHDF5Format: ProfileImporter, ProfileExporter {
    public init() {}

    /// `--export-option compression=0…9`.
    static let compression = PluginOption(
        name: "compression", kind: .integer(0...9), defaultValue: "1",
        help: "the deflate level of every dataset after byte-shuffling (0 stores uncompressed)")

    public let format = FormatDescription(
        id: "biom-hdf5", name: "BIOM 2.1 (HDF5)",
        summary: "Biological Observation Matrix 2.1 in HDF5, as written by QIIME 2 and biom-format.",
        versions: ["2.1", "2.0 (import)"], extensions: ["biom", "h5"], mediaType: "application/x-hdf5",
        specURL: "http://biom-format.org/documentation/format_versions/biom-2.1.html",
        canImport: true, canExport: true,
        exportLosses: ["import diagnostics",
                       "clade-cumulative structure (written as leaves with residual rows)",
                       "the type of null, absent or mixed-type metadata (written as text)"],
        companions: [BIOMTaxonomyCompanion.description], exportOptions: [Self.compression], isBinary: true)

    /// The HDF5 signature, at the start of the file or after a user block of 512 × 2ⁿ bytes.
    static let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]

    public func detect(_ prefix: InputPrefix) -> Detection {
        let offsets = [0, 512, 1024, 2048, 4096, 8192, 16384, 32768]
        guard offsets.contains(where: { prefix.bytes.count >= $0 + 8 && Array(prefix.bytes[$0..<($0 + 8)]) == Self.signature })
        else { return .noMatch }
        let names = ["observation", "sample", "matrix", "indptr"].map { Array($0.utf8) }
        if names.allSatisfy({ contains(prefix.bytes, $0) }) {
            return .match(confidence: 0.95, reason: "HDF5 file with BIOM's observation/sample matrix groups")
        }
        return .unsure(reason: "HDF5 file; BIOM's groups were not seen near its start")
    }

    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        try BIOMHDF5Reader(input: input, options: options).read()
    }

    public func plan(_ table: ProfileTable, options: ExportOptions) throws(ExportError) -> BIOMHDF5Plan {
        let level: Int?
        do { level = try options.integer(Self.compression, format: format.id, direction: .export) } catch {
            throw .invalidOption(error)
        }
        return try BIOMHDF5Plan(table, compression: level.flatMap { $0 == 0 ? nil : HDF5Compression(level: $0) })
    }

    public func write(_ plan: BIOMHDF5Plan, to output: inout OutputSink) throws(ExportError) {
        try BIOMHDF5Writer(plan: plan).write(to: output.fileURL.path)
    }

    private func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first), found + needle.count <= bytes.count {
            if bytes[found..<(found + needle.count)].elementsEqual(needle) { return true }
            index = found + 1
        }
        return false
    }
}
