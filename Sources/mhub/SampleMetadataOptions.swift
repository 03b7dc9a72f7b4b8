import ArgumentParser
import FormatKit
import Foundation
import ProfileModel
import TabularKit

/// `--sample-metadata FILE`: joins a QIIME 2 metadata TSV or a QIIME 1 mapping file to the
/// table's samples by id, as `biom add-metadata` does, and reports ids that do not match.
struct SampleMetadataOptions: ParsableArguments {
    @Option(name: .customLong("sample-metadata"), help: ArgumentHelp("A QIIME 2 metadata TSV (with #q2:types) or QIIME 1 mapping file joined to the samples by id.", valueName: "file"))
    var file: String?

    /// The table with the file's metadata joined, and the report (nil without a file).
    /// Ids that match nothing are reported on standard error unless `quiet`.
    func apply(to table: ProfileTable, quiet: Bool = false) throws(CommandFailure) -> (ProfileTable, SampleMetadataJoinReport?) {
        guard let file else { return (table, nil) }
        let rows: [(id: String, values: [String: MetadataValue])]
        do { rows = try SampleMetadataFile.read(try InputOptions.open(file, encoding: nil)) } catch let error as ImportError {
            throw CommandFailure(error)
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure(message: "\(file): error [io]: \(error)", exitCode: CommandFailure.dataExitCode)
        }
        let (joined, report) = table.joiningSampleMetadata(rows, file: (file as NSString).lastPathComponent)
        if !quiet {
            if !report.unknownIDs.isEmpty {
                FileHandle.standardErrorWrite("mhub: warning [metadata.unknown-sample]: \(file): \(report.unknownIDs.count) id(s) name no sample of the table: \(Self.shown(report.unknownIDs))")
            }
            if !report.samplesWithoutMetadata.isEmpty {
                FileHandle.standardErrorWrite("mhub: warning [metadata.missing-sample]: \(file) has no row for \(report.samplesWithoutMetadata.count) sample(s): \(Self.shown(report.samplesWithoutMetadata))")
            }
        }
        return (joined, report)
    }

    private static func shown(_ ids: [String]) -> String {
        ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
    }
}
