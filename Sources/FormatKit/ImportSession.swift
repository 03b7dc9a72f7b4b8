import ProfileModel

/// The result of importing one input through a registry.
public struct ImportedTable: Sendable {
    /// The table, with an `import` step logged in its provenance.
    public var table: ProfileTable
    /// The format it was read as.
    public var format: FormatDescription
}

extension FormatRegistry {
    /// Imports an input the way every command does: picks the importer (named or detected),
    /// checks required companions, reads, logs an `import` step and the source in the
    /// provenance, and under `options.strict` fails when the table carries warnings.
    public func importTable(_ input: ImportInput, formatID: String?, options: ImportOptions) throws(ImportError) -> ImportedTable {
        let importer = try resolveImporter(for: input, id: formatID)
        for companion in importer.format.companions where companion.required && input.companions[companion.role] == nil {
            throw .missingCompanion(input.location(), role: companion.role)
        }
        try refuseUnusedCompanions(of: input, by: importer.format)
        var table = try importer.read(input, options: options)
        let fileName = input.name.split(separator: "/").last.map(String.init) ?? input.name
        if table.provenance.source[.sourceFormat] == nil {
            table.provenance.source[.sourceFormat] = importer.format.id
            table.provenance.source[.sourceFile] = fileName
        }
        table.provenance.steps.append(ProvenanceStep(action: .import, format: importer.format.id,
                                                     parameters: ["file": fileName]))
        if options.strict {
            let warnings = table.diagnostics.filter { $0.severity == .warning }
            if !warnings.isEmpty { throw .strictViolation(input.location(), diagnostics: warnings) }
        }
        return ImportedTable(table: table, format: importer.format)
    }

    /// A companion the importer does not take would be ignored without a word, so it is an error.
    private func refuseUnusedCompanions(of input: ImportInput, by format: FormatDescription) throws(ImportError) {
        let taken = Set(format.companions.map(\.role))
        guard let unused = input.companions.keys.sorted().first(where: { !taken.contains($0) }) else { return }
        let offered = taken.isEmpty ? "takes no companion" : "takes only \(taken.sorted().joined(separator: ", "))"
        throw .unsupported(input.location(), reason: "the \(format.id) importer \(offered), so --companion \(unused)=… would be ignored")
    }
}
