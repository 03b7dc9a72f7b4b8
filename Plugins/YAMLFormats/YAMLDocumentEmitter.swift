import FormatKit
import ProfileFormats
import SafeYAML

/// Writes profile document events as block-style YAML through ``SafeYAML/YAMLEmitter``.
///
/// Keys keep the document's order (sorted, as profile JSON sorts them). A list of at most
/// ``flowLimit`` scalars — a lineage entry `[genus, Bacteroides]`, an abundance `[0, 120]` —
/// is written on one line in flow style; every other list and every map is block style.
/// Numbers keep their profile JSON text, respelled where YAML 1.1 readers need it (`1e-05`
/// becomes `1.0e-05`, which PyYAML reads as a float, not a string).
struct YAMLDocumentEmitter: ProfileDocumentEmitter {
    /// The most scalars a list may hold to be written in flow style.
    static let flowLimit = 4

    private let emitter = YAMLEmitter()
    /// The events of a list still being decided (flow or block), from its `beginList` on.
    private var undecided: [ProfileDocumentEvent]?

    mutating func emit(_ event: ProfileDocumentEvent, to output: inout OutputSink) throws(ExportError) {
        do throws(YAMLEmitError) {
            try route(event)
        } catch {
            throw .cannotRepresent(reason: error.description)
        }
        try output.write(emitter.takeOutput())
    }

    /// Ends the document and writes what libyaml still holds.
    func finish(to output: inout OutputSink) throws(ExportError) {
        do throws(YAMLEmitError) {
            try emitter.finish()
        } catch {
            throw .cannotRepresent(reason: error.description)
        }
        try output.write(emitter.takeOutput())
    }

    private mutating func route(_ event: ProfileDocumentEvent) throws(YAMLEmitError) {
        guard var pending = undecided else {
            if event == .beginList { undecided = [event] } else { try write(event) }
            return
        }
        switch event {
        case .endList:
            try emitter.beginSequence(flow: true)
            for scalar in pending.dropFirst() { try write(scalar) }
            try emitter.endSequence()
            undecided = nil
        case .beginList, .beginMap:
            undecided = nil
            for earlier in pending { try write(earlier) }
            try route(event)
        default:
            pending.append(event)
            if pending.count - 1 > Self.flowLimit {
                undecided = nil
                for earlier in pending { try write(earlier) }
            } else {
                undecided = pending
            }
        }
    }

    private func write(_ event: ProfileDocumentEvent) throws(YAMLEmitError) {
        switch event {
        case .beginMap: try emitter.beginMapping()
        case .endMap: try emitter.endMapping()
        case .beginList: try emitter.beginSequence()
        case .endList: try emitter.endSequence()
        case .key(let key), .string(let key): try emitter.string(key)
        case .number(let text): try emitter.plain(Self.yamlNumber(text))
        case .bool(let flag): try emitter.plain(flag ? "true" : "false")
        case .null: try emitter.plain("null")
        }
    }

    /// A JSON number's text as YAML 1.1 and 1.2 both read it with the same type: an
    /// exponent form gets a fraction and a signed exponent (`1e5` → `1.0e+5`).
    static func yamlNumber(_ json: String) -> String {
        guard let e = json.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return json }
        var mantissa = String(json[..<e])
        var exponent = String(json[json.index(after: e)...])
        if !mantissa.contains(".") { mantissa += ".0" }
        if exponent.first != "-" && exponent.first != "+" { exponent = "+" + exponent }
        return mantissa + "e" + exponent
    }
}
