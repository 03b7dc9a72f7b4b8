import FormatKit
import ProfileModel
import TabularKit

/// The `--option key=value` settings the generic tabular plugins understand.
enum TabularOptions {
    /// `orientation=taxa-as-rows|samples-as-rows`, if given.
    static func orientation(_ parameters: [String: String]) -> Result<WideTableWriter.Orientation?, OptionProblem> {
        guard let text = parameters["orientation"] else { return .success(nil) }
        guard let orientation = WideTableWriter.Orientation(rawValue: text) else {
            return .failure(OptionProblem(key: "orientation", value: text,
                                          allowed: WideTableWriter.Orientation.allCases.map(\.rawValue)))
        }
        return .success(orientation)
    }

    /// `structure=leaves|clade-cumulative`, if given.
    static func structure(_ parameters: [String: String]) -> Result<ProfileStructure?, OptionProblem> {
        switch parameters["structure"] {
        case nil: .success(nil)
        case "leaves": .success(.leaves)
        case "clade-cumulative": .success(.cladeCumulative)
        case let other?: .failure(OptionProblem(key: "structure", value: other, allowed: ["leaves", "clade-cumulative"]))
        }
    }

    /// `taxonomy=SYSTEM`: the system of bare values in a taxon id column (default `ncbi`).
    static func taxonomySystem(_ parameters: [String: String]) -> String? {
        parameters["taxonomy"]
    }
}

/// An `--option` value the plugin does not accept.
struct OptionProblem: Error {
    var key: String
    var value: String
    var allowed: [String]

    var message: String { "option \(key)=\(value) is not one of \(allowed.joined(separator: ", "))" }

    func importError(_ input: ImportInput) -> ImportError { .unsupported(input.location(), reason: message) }
    var exportError: ExportError { .cannotRepresent(reason: message) }
}
