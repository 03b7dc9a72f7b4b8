import ArgumentParser
import FormatKit
import Foundation

/// `mhub formats`: lists every plugin the run can use.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats", abstract: "List the formats this hub reads and writes.")

    @OptionGroup var plugins: PluginOptions

    @Flag(help: "Print the format descriptions as JSON.")
    var json = false

    func run() throws {
        let registry = try plugins.registry()
        let formats = registry.plugins.map(\.format)
        if json {
            print(try JSONOutput.encode(formats))
            return
        }
        let rows = formats.map { format in
            [format.id, format.kind.rawValue,
             (format.canImport ? "import" : "") + (format.canImport && format.canExport ? "+" : "") + (format.canExport ? "export" : ""),
             format.extensions.joined(separator: ","), format.name]
        }
        print(TextTable.render(header: ["ID", "KIND", "CAN", "EXTENSIONS", "NAME"], rows: rows))
    }
}
