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
            guard let plugin = registry.plugin(id: formatID) else { throw CommandFailure(registry.unknownFormat(formatID)) }
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
