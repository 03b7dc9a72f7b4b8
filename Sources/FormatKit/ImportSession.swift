import ProfileModel

/// The result of importing one input.
public struct ImportedTable: Sendable {
    /// The table, with its `import` step and source facts recorded.
    public var table: ProfileTable
    /// The format it was read as.
    public var format: FormatDescription
}

/// The one import path: every command and the conformance kit import through it, and it is
/// the only writer of the `import` provenance step and the `source-format` / `source-file` facts.
public enum ImportSession {
    /// Imports `input` with `importer`: checks the options against the importer's declared
    /// ones and the required companions, reads (with the detector's `findings`, if detection
    /// chose the importer), records the import, and applies `policy` to the table's warnings.
    public static func run(_ importer: any ProfileImporter, input: ImportInput, options: ImportOptions,
                           findings: DetectionFindings? = nil, policy: WarningPolicy) throws(ImportError) -> ImportedTable {
        let format = importer.format
        do {
            try OptionDeclarations(format: format.id, direction: .import, options: format.importOptions)
                .validate(options.parameters)
        } catch {
            throw .invalidOption(input.location(), error)
        }
        for companion in format.companions where companion.required && input.companions[companion.role] == nil {
            throw .missingCompanion(input.location(), role: companion.role)
        }
        try refuseUnusedCompanions(of: input, by: format)
        var readOptions = options
        readOptions.findings = findings
        var table = try importer.read(input, options: readOptions)
        record(&table, format: format.id, inputName: input.name)
        try policy.admit(table, from: input)
        return ImportedTable(table: table, format: format)
    }

    /// Imports `input` with an importer chosen without detection (named with `--from`, or the
    /// plugin the conformance kit checks): takes the prefix once and hands `read` what the
    /// importer's own detector finds in it, as the registry does when detection chose it.
    public static func run(_ importer: any ProfileImporter, input: ImportInput, options: ImportOptions,
                           policy: WarningPolicy) throws(ImportError) -> ImportedTable {
        let sampled = try input.sampling()
        return try run(importer, input: sampled, options: options, findings: importer.detect(try sampled.prefix()).findings,
                       policy: policy)
    }

    /// Logs the import of `inputName` as `format`: one `import` step, and the source facts
    /// unless the table already names its source (a profile JSON file keeps its origin).
    public static func record(_ table: inout ProfileTable, format: String, inputName: String) {
        let fileName = inputName.split(separator: "/").last.map(String.init) ?? inputName
        if table.provenance.source[.sourceFormat] == nil {
            table.provenance.source[.sourceFormat] = format
            table.provenance.source[.sourceFile] = fileName
        }
        table.provenance.steps.append(ProvenanceStep(action: .import, format: format, parameters: ["file": fileName]))
    }

    /// A companion the importer does not take would be ignored without a word, so it is an error.
    private static func refuseUnusedCompanions(of input: ImportInput, by format: FormatDescription) throws(ImportError) {
        let taken = Set(format.companions.map(\.role))
        guard let unused = input.companions.keys.sorted().first(where: { !taken.contains($0) }) else { return }
        let offered = taken.isEmpty ? "takes no companion" : "takes only \(taken.sorted().joined(separator: ", "))"
        throw .unsupported(input.location(), reason: "the \(format.id) importer \(offered), so --companion \(unused)=… would be ignored")
    }
}

extension FormatRegistry {
    /// Imports an input the way every command does: takes its prefix once, picks the importer
    /// (named, or the single best detection, whose findings go to `read`), then runs the
    /// ``ImportSession``.
    public func importTable(_ input: ImportInput, formatID: String?, options: ImportOptions,
                            policy: WarningPolicy = .lenient) throws(ImportError) -> ImportedTable {
        let sampled = try input.sampling()
        if formatID != nil {
            return try ImportSession.run(try resolveImporter(for: sampled, id: formatID), input: sampled, options: options,
                                         policy: policy)
        }
        let chosen = try resolve(sampled, id: nil)
        return try ImportSession.run(chosen.importer, input: sampled, options: options, findings: chosen.findings,
                                     policy: policy)
    }
}
