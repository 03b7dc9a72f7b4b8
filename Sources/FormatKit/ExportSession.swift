import ProfileModel

/// What an export wrote.
public struct ExportReport: Sendable {
    /// The table as handed to the exporter, with its `export` step.
    public var table: ProfileTable
    /// What the output could not carry (the plan's losses, also reported through the policy).
    public var losses: [DeclaredLoss]
}

/// The one export path: every command and the conformance kit export through it. It checks
/// the options against the exporter's declared ones, logs the `export` step, makes the
/// exporter's plan once, applies the policy to the plan's losses, and writes that same plan
/// into a file that appears only when everything succeeded, gzip-compressed when its name ends in `.gz`.
public enum ExportSession {
    /// Exports `table` with `exporter` to `path` (`-` for standard output), atomically; a
    /// `path` that is the same file as one of `inputs` is refused (``AtomicOutput``).
    public static func run(_ table: ProfileTable, with exporter: any ProfileExporter, toPath path: String,
                           options: ExportOptions, policy: WarningPolicy,
                           protecting inputs: [String] = []) throws(ExportError) -> ExportReport {
        try run(table, exporter, path, options, policy, inputs)
    }

    /// The body, with the exporter's plan type known.
    private static func run<Exporter: ProfileExporter>(_ table: ProfileTable, _ exporter: Exporter, _ path: String,
                                                       _ options: ExportOptions, _ policy: WarningPolicy,
                                                       _ inputs: [String]) throws(ExportError) -> ExportReport {
        let format = exporter.format
        do {
            try OptionDeclarations(format: format.id, direction: .export, options: format.exportOptions)
                .validate(options.parameters)
        } catch {
            throw .invalidOption(error)
        }
        let logged = table.appendingStep(ProvenanceStep(action: .export, format: format.id,
                                                          parameters: ["mhub-version": HubVersion.current]))
        let plan = try exporter.plan(logged, options: options)
        let losses = plan.losses + (format.isLossless ? [] : ModelFieldLosses.of(logged))
        let compression = OutputCompression(forOutputName: path)
        guard compression.wraps(format) else {
            throw .unsuitableOutput(path: path, reason: "\(format.id) writes a binary file, which is not gzipped; drop '.gz' from the name")
        }
        try policy.admit(losses, of: logged, format: format.id)
        let destination = try AtomicOutput(path: path, protecting: inputs)
        var sink = try destination.makeSink()
        try exporter.write(plan, to: &sink)
        try sink.finish()
        try destination.commit()
        return ExportReport(table: logged, losses: losses)
    }
}
