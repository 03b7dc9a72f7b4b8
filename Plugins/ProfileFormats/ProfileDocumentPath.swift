import Foundation

/// Follows a stream of ``ProfileDocumentEvent``s and names the value each event starts by
/// its JSON pointer (RFC 6901), as profile JSON's reader reports it (`/samples/3/metadata/age`).
struct ProfileDocumentPath {
    private enum Level {
        case map(key: String?)
        case list(count: Int)
    }

    private var levels: [Level] = []

    /// Advances over `event`; returns the pointer of the value or key it starts, or `nil` for an end event.
    mutating func advance(_ event: ProfileDocumentEvent) -> String? {
        switch event {
        case .key(let key):
            if case .map = levels.last { levels[levels.count - 1] = .map(key: key) }
            return pointer
        case .endMap, .endList:
            levels.removeLast()
            return nil
        case .beginMap, .beginList, .string, .number, .bool, .null:
            if case .list(let count) = levels.last { levels[levels.count - 1] = .list(count: count + 1) }
            let here = pointer
            if event == .beginMap { levels.append(.map(key: nil)) }
            if event == .beginList { levels.append(.list(count: 0)) }
            return here
        }
    }

    private var pointer: String {
        var result = ""
        for level in levels {
            switch level {
            case .map(let key?):
                result += "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .list(let count) where count > 0:
                result += "/\(count - 1)"
            default:
                break
            }
        }
        return result
    }
}
