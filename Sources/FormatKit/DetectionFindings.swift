/// What a detector learnt about an input while sniffing its prefix (a table's dialect and
/// header line, an orientation), handed by the registry to the same plugin's `read` so that
/// the input is sniffed once and detection and reading cannot disagree.
///
/// The payload is the plugin's own type; only code that knows the type reads it back
/// (``value(as:)``), so findings stay private to the plugin family that made them.
public struct DetectionFindings: Sendable, Hashable {
    private let payload: any Hashable & Sendable

    public init(_ payload: some Hashable & Sendable) {
        self.payload = payload
    }

    /// The payload, when it is of this type.
    public func value<Payload>(as type: Payload.Type) -> Payload? {
        payload as? Payload
    }

    public static func == (lhs: DetectionFindings, rhs: DetectionFindings) -> Bool {
        lhs.payload.isEqual(to: rhs.payload)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(payload)
    }
}

private extension Hashable {
    /// Whether `other` is a value of the same type equal to this one.
    func isEqual(to other: any Hashable) -> Bool {
        (other as? Self) == self
    }
}
