import ArgumentParser
import FormatKit
import Foundation

/// The `mhub` command: import, inspect, convert and check microbiome profile tables.
///
/// Exit codes: 0 success, 1 bad input or data (including `--strict` warnings), 2 usage error.
@main
struct MHub: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mhub",
        abstract: "MicrobiomeHub: import, inspect, convert and check microbiome profile tables.",
        discussion: "Exit codes: 0 success, 1 bad input or data (also --strict warnings), 2 usage error.",
        version: HubVersion.current,
        subcommands: [FormatsCommand.self, DetectCommand.self, InspectCommand.self, ConvertCommand.self,
                      MergeCommand.self, ReconcileCommand.self, TaxonomyCommand.self, AnalyzeCommand.self, ReportCommand.self,
                      ConformanceCommand.self])

    static func main() {
        StandardStreams.prepare()
        InterruptCleanup.install()
        do {
            try checkSubcommand(CommandLine.arguments.dropFirst().first)
            var command = try parseAsRoot()
            try command.run()
            if let failure = StandardStreams.finish() {
                CommandFailure(message: "error [io]: \(failure)", exitCode: CommandFailure.dataExitCode).report()
                Foundation.exit(CommandFailure.dataExitCode)
            }
        } catch let failure as CommandFailure {
            failure.report()
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                MHub.exit(withError: error)
            }
            FileHandle.standardErrorWrite(fullMessage(for: error))
            Foundation.exit(CommandFailure.usageExitCode)
        }
    }

    /// A first argument that is neither an option nor a command is a usage error that names the
    /// nearest command (`mhub convrt` → `did you mean 'convert'?`).
    static func checkSubcommand(_ first: String?) throws(CommandFailure) {
        guard let first, !first.hasPrefix("-") else { return }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return }
        let hint = EditDistance.nearest(to: first, among: names).map { "; did you mean '\($0)'?" } ?? ""
        throw CommandFailure(message: "error [usage]: unknown command '\(first)'\(hint) (see `mhub --help`)",
                             exitCode: CommandFailure.usageExitCode)
    }
}
