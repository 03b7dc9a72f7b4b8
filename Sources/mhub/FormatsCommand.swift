import ArgumentParser
import FormatKit
import Foundation

/// `mhub formats [ID]`: lists every plugin the run can use, or describes one in full.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats", abstract: "List the formats this hub reads and writes, or describe one with its options.")

    @OptionGroup var plugins: PluginOptions

    @Argument(help: ArgumentHelp("A format id: print its whole description, with the options it takes.", valueName: "id"))
    var formatID: String?

    @Flag(help: "Print the format descriptions as JSON.")
    var json = false

    func run() throws {
        let registry = try plugins.registry()
        if let formatID {
            guard let plugin = registry.plugin(id: formatID) else { throw CommandFailure(RegistryError.unknownFormat(formatID)) }
            print(json ? try JSONOutput.encode(plugin.format) : FormatSheet.render(plugin.format))
            return
        }
        let formats = registry.plugins.map(\.format)
        if json {
            print(try JSONOutput.encode(formats))
            return
        }
        let rows = formats.map { format in
            [format.id, format.kind.rawValue, FormatSheet.capabilities(format), format.extensions.joined(separator: ","), format.name]
        }
        print(TextTable.render(header: ["ID", "KIND", "CAN", "EXTENSIONS", "NAME"], rows: rows))
    }
}

/// One format's description as `mhub formats ID` prints it.
enum FormatSheet {
    /// `import`, `export` or `import+export`.
    static func capabilities(_ format: FormatDescription) -> String {
        [format.canImport ? "import" : nil, format.canExport ? "export" : nil].compactMap { $0 }.joined(separator: "+")
    }

    static func render(_ format: FormatDescription) -> String {
        var lines = [
            "\(format.id): \(format.name)",
            format.summary,
            "",
            "kind:        \(format.kind.rawValue)",
            "can:         \(capabilities(format))",
        ]
        if !format.versions.isEmpty { lines.append("versions:    \(format.versions.joined(separator: ", "))") }
        if !format.extensions.isEmpty { lines.append("extensions:  \(format.extensions.joined(separator: ", "))") }
        if let mediaType = format.mediaType { lines.append("media type:  \(mediaType)") }
        if let specURL = format.specURL { lines.append("spec:        \(specURL)") }
        if format.isBinary { lines.append("binary:      yes") }
        for (title, options) in [("import options (--option NAME=VALUE)", format.importOptions),
                                 ("export options (--export-option NAME=VALUE)", format.exportOptions)] where !options.isEmpty {
            lines += ["", "\(title):"]
            lines.append(TextTable.render(header: ["NAME", "VALUES", "DEFAULT", "HELP"], rows: options.map { option in
                [option.name, option.allowedValues, option.defaultValue ?? "-", option.help]
            }))
        }
        if !format.companions.isEmpty {
            lines += ["", "companions (--companion ROLE=FILE):"]
            lines += format.companions.map { "  \($0.role)\($0.required ? " (required)" : ""): \($0.summary)" }
        }
        if !format.exportLosses.isEmpty {
            lines += ["", "export loses:"]
            lines += format.exportLosses.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
