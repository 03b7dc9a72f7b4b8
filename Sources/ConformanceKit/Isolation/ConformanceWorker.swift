import Foundation

/// The child side of an isolated run: runs one battery and writes every event to standard
/// output as one JSON line, unbuffered, so that the parent knows which item was running if
/// the process dies.
public enum ConformanceWorker {
    /// Runs the battery and returns the exit status: 0 when every item ran, or
    /// ``WorkerRequest/restartExitStatus`` after a hang.
    public static func serve(_ battery: ConformanceBattery, request: WorkerRequest) -> Int32 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let output = FileHandle.standardOutput
        let outcome = battery.run(skipping: Set(request.completed), stopAfterHang: true) { event in
            // Events hold strings and enums only: encoding cannot fail.
            output.write(try! encoder.encode(event) + Data("\n".utf8))
        }
        return outcome == .completed ? 0 : WorkerRequest.restartExitStatus
    }
}
