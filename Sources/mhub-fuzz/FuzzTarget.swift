import BuiltInFormats
import FormatKit
import Foundation

/// One fuzz execution: the bytes as a file of the format under test, detected and imported
/// through the registry as `mhub convert` would. Typed errors are the expected outcome of
/// most mutated inputs; a crash, a hang or a blow-up is a finding.
enum FuzzTarget {
    /// The format under test (`MHUB_FUZZ_FORMAT`), with the file extension its cases use.
    struct Subject: Sendable {
        var formatID: String
        var fileExtension: String
    }

    /// Every built-in importer, loaded once per process.
    static let registry: FormatRegistry? = try? BuiltInFormats.registry(RegistryOptions(environmentPluginPath: nil))

    /// Imports `bytes` named `input.<ext>`: once through detection, once as the format itself.
    static func run(_ bytes: [UInt8], as subject: Subject) {
        guard let registry, let input = try? ImportInput.bytes(bytes, name: "input.\(subject.fileExtension)") else { return }
        _ = try? registry.importTable(input, formatID: nil, options: ImportOptions())
        _ = try? registry.importTable(input, formatID: subject.formatID, options: ImportOptions())
    }

    /// The subject named by the environment (libFuzzer passes its own arguments).
    static var subjectFromEnvironment: Subject {
        let environment = ProcessInfo.processInfo.environment
        return Subject(formatID: environment["MHUB_FUZZ_FORMAT"] ?? "wide-tsv",
                       fileExtension: environment["MHUB_FUZZ_EXTENSION"] ?? "txt")
    }
}

/// The libFuzzer entry point, used when the target is built with `-sanitize=fuzzer`
/// (`scripts/fuzz --libfuzzer`); an ordinary build links it unused.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.run(bytes, as: FuzzTarget.subjectFromEnvironment)
    return 0
}
