import Dispatch
import Foundation
import FormatKit
import ProfileModel

/// Imports many inputs on every core, each turned into leaves (a clade-cumulative report's
/// residual mass kept as unclassified rows), and hands the results back in input order, a batch
/// at a time, so that only a batch of tables is held before the caller folds them into the cohort.
struct ParallelImport {
    let registry: FormatRegistry
    let formatID: String?
    let options: ImportOptions
    let policy: WarningPolicy
    let encoding: TextEncoding?
    /// Imports running at once.
    let jobs: Int

    /// Result slots written by the workers of one batch, each slot by one worker.
    private final class Slots: @unchecked Sendable {
        private var results: [Result<ProfileTable, ImportError>?]
        private let lock = NSLock()

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<ProfileTable, ImportError>) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }

        func take() -> [Result<ProfileTable, ImportError>] { results.map { $0! } }
    }

    /// Imports `inputs`; `fold(index, result)` sees each in order. A fold that throws stops the run.
    func run(_ inputs: [MergeInput],
             fold: (Int, Result<ProfileTable, ImportError>) throws(CommandFailure) -> Void) throws(CommandFailure) {
        let batchSize = max(1, jobs * 4)
        var start = 0
        while start < inputs.count {
            let batch = Array(inputs[start..<min(inputs.count, start + batchSize)])
            let slots = Slots(count: batch.count)
            let runner = self
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                slots.set(index, runner.importOne(batch[index]))
            }
            for (offset, result) in slots.take().enumerated() { try fold(start + offset, result) }
            start += batch.count
        }
    }

    /// One input through the registry's import path, its sample named as the manifest says,
    /// as leaves.
    private func importOne(_ input: MergeInput) -> Result<ProfileTable, ImportError> {
        var options = options
        if let sampleID = input.sampleID { options.sampleID = sampleID }
        let source = ImportInput(url: URL(fileURLWithPath: input.path), name: input.path, encoding: encoding)
        do throws(ImportError) {
            var table = try registry.importTable(source, formatID: formatID, options: options, policy: policy).table
            if let sampleID = input.sampleID, table.samples.count == 1, table.samples[0].id != sampleID {
                do { table = try table.renamingSamples([table.samples[0].id: sampleID]) } catch {
                    return .failure(.invalidValue(source.location(), value: sampleID, reason: "\(error)"))
                }
            }
            return .success(table.toLeaves())
        } catch {
            return .failure(error)
        }
    }
}
