import FormatKit
import Foundation

/// An output file written atomically, as `convert` writes: into a temporary file beside it,
/// moved into place only when everything was written.
struct Destination {
    let path: String
    /// The files the command reads; an output that is one of them is refused.
    var inputs: [String] = []

    /// Writes the chunks `produce` emits, then commits.
    func write(_ produce: (_ emit: ([UInt8]) throws(ExportError) -> Void) throws(ExportError) -> Void) throws(CommandFailure) {
        do {
            let output = try AtomicOutput(path: path, protecting: inputs)
            var sink = try output.makeSink()
            try produce { bytes throws(ExportError) in try sink.write(bytes) }
            try sink.finish()
            try output.commit()
        } catch {
            throw CommandFailure(error)
        }
    }
}
