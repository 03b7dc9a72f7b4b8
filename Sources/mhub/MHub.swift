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
        subcommands: [FormatsCommand.self, DetectCommand.self, InspectCommand.self, ConvertCommand.self,
                      MergeCommand.self, ReconcileCommand.self, TaxonomyCommand.self, AnalyzeCommand.self, ReportCommand.self,
                      ConformanceCommand.self])

    static func main() {
        StandardStreams.prepare()
        InterruptCleanup.install()
        do {
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
}
