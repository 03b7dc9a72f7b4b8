/// The names profile JSON uses on the wire, in one place for the reader and the writer.
///
/// Every object's keys are written in UTF-8 byte order; the top-level names are chosen so
/// that this order puts `format` and `format_version` first (detection finds the marker in
/// the first bytes, the version is known before any data) and `samples` and `taxa` before
/// `values` (a reader can check and store each abundance as it arrives):
///
/// ```
/// format, format_version, notes, provenance, samples, structure, taxa, unit, values
/// ```
enum ProfileJSONLayout {
    /// The value of the top-level `format` key.
    static let marker = "mhub-profile"
    /// The layout version this build writes.
    ///
    /// Version 2 added taxon `origins`, `taxon_id_release`, per-level ids as a third element
    /// of a lineage level, and per-sample `source` facts; version 1 files (which have none of
    /// these) still read.
    static let version: Int64 = 2
    /// Every layout version this build reads.
    static let readableVersions: ClosedRange<Int64> = 1...2

    /// Top-level keys.
    enum Key {
        static let format = "format"
        static let formatVersion = "format_version"
        static let notes = "notes"
        static let provenance = "provenance"
        static let samples = "samples"
        static let structure = "structure"
        static let taxa = "taxa"
        static let unit = "unit"
        static let values = "values"

        /// The keys every profile must have.
        static let required = [format, formatVersion, samples, structure, taxa, unit, values]
    }

    /// Keys of a sample object.
    enum SampleKey {
        static let id = "id"
        static let metadata = "metadata"
        /// Since version 2.
        static let source = "source"
    }

    /// Keys of a taxon object.
    enum TaxonKey {
        static let id = "id"
        static let label = "label"
        static let lineage = "lineage"
        static let metadata = "metadata"
        /// Since version 2.
        static let origins = "origins"
        static let taxonID = "taxon_id"
        /// Since version 2.
        static let taxonIDRelease = "taxon_id_release"
    }

    /// Keys of a taxon origin (since version 2).
    enum OriginKey {
        static let input = "input"
        static let label = "label"
    }

    /// Keys of the provenance object and of its steps.
    enum ProvenanceKey {
        static let source = "source"
        static let steps = "steps"
        static let action = "action"
        static let format = "format"
        static let parameters = "parameters"
    }

    /// Keys of a note (a ``ProfileModel/Diagnostic``).
    enum NoteKey {
        static let code = "code"
        static let location = "location"
        static let message = "message"
        static let sample = "sample"
        static let severity = "severity"
        static let taxon = "taxon"
    }

    /// The single keys of the objects that wrap metadata values JSON has no type for.
    enum MetadataTag {
        static let date = "date"
        static let object = "object"
        static let number = "number"
    }

    /// The texts a non-finite metadata number is written as, inside `{"number": …}`.
    static let nonFiniteNumbers: [(text: String, value: Double)] = [
        ("NaN", .nan), ("Infinity", .infinity), ("-Infinity", -.infinity),
    ]
}
