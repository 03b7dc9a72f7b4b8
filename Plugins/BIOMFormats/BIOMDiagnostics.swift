import ProfileModel

/// The non-fatal findings BIOM imports report, with their codes from the catalogue (``DiagnosticCode``).
enum BIOMDiagnostics {
    /// The unit was guessed from the values (BIOM has no unit field).
    static func unitInferred(_ unit: AbundanceUnit) -> Diagnostic {
        Diagnostic(.unitInferred,
                   message: "BIOM has no unit field; every sample sums to \(unit == .relative ? "1" : "100"), so the values are read as \(unit) (override with --unit)")
    }

    /// A field or attribute the specification requires, but which reading does not need, is absent.
    static func missingField(_ name: String, location: String) -> Diagnostic {
        Diagnostic(.biomMissingField, message: "the required field '\(name)' is missing", location: location)
    }

    /// A taxonomy value is neither a list of strings nor a string; it stays in the metadata.
    static func taxonomyUnreadable(taxon: String, location: String) -> Diagnostic {
        Diagnostic(.biomTaxonomyUnreadable,
                   message: "the taxonomy is neither a list of strings nor a string; it is kept as metadata",
                   taxon: taxon, location: location)
    }

    /// `matrix_element_type` says int, but some values are fractional.
    static func elementTypeMismatch(declared: String, location: String) -> Diagnostic {
        Diagnostic(.biomElementTypeMismatch,
                   message: "matrix_element_type is '\(declared)' but some values are fractional; they are kept as written",
                   location: location)
    }

    /// The `nnz` attribute disagrees with the stored entries.
    static func nnzMismatch(declared: Int64, stored: Int, location: String) -> Diagnostic {
        Diagnostic(.biomNNZMismatch, message: "nnz says \(declared) but \(stored) entries are stored",
                   location: location)
    }

    /// A metadata dataset holds a type the hub does not read; it is left out.
    static func metadataSkipped(category: String, kind: String, location: String) -> Diagnostic {
        Diagnostic(.biomMetadataSkipped,
                   message: "metadata category '\(category)' holds \(kind) values, which are not read", location: location)
    }
}
