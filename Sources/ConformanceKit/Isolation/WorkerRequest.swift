import FormatKit
import Foundation

/// What a worker process is asked to run: one plugin's battery, minus the items an earlier
/// worker already reported. Passed on the worker's command line as JSON.
public struct WorkerRequest: Sendable, Hashable, Codable {
    public var formatID: String
    public var casesDirectory: String
    public var referenceDirectory: String?
    public var timeLimit: Double
    public var record: Bool
    /// The plugin-specific settings every export uses (``ConformanceOptions/exportOptions``).
    public var exportParameters: [String: String]
    /// Items already reported; the worker does not run them again.
    public var completed: [ItemKey]

    public init(formatID: String, casesDirectory: String, referenceDirectory: String?, timeLimit: Double,
                record: Bool, exportParameters: [String: String] = [:], completed: [ItemKey] = []) {
        self.formatID = formatID
        self.casesDirectory = casesDirectory
        self.referenceDirectory = referenceDirectory
        self.timeLimit = timeLimit
        self.record = record
        self.exportParameters = exportParameters
        self.completed = completed
    }

    /// The exit status a worker uses after reporting a hang, asking to be started afresh.
    public static let restartExitStatus: Int32 = 75

    /// The request as one line of JSON.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and arrays only: encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// Decodes a request from its JSON line.
    public static func decode(_ text: String) throws(ConformanceSetupError) -> WorkerRequest {
        do {
            return try JSONDecoder().decode(WorkerRequest.self, from: Data(text.utf8))
        } catch {
            throw .badWorkerRequest(String(describing: error))
        }
    }

    /// The options this request asks the battery to run with.
    public var options: ConformanceOptions {
        ConformanceOptions(timeLimit: timeLimit, record: record, exportOptions: ExportOptions(parameters: exportParameters))
    }
}
