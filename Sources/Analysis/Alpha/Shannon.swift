import Foundation

/// Shannon's diversity index, by default in natural logarithms (nats).
///
/// H′ = −Σ pᵢ log_b pᵢ with pᵢ = nᵢ/N. The base is e unless another is chosen (scikit-bio's
/// default changed from 2 to e in 0.6.1; vegan's `diversity` also uses e). Empty sample: NaN.
public struct Shannon: AlphaMetric {
    /// The logarithm base.
    public let base: LogBase

    public init(base: LogBase = .e) { self.base = base }

    public var id: String { "shannon" }
    public var name: String { "Shannon index (log base \(base.label))" }
    public var formula: String { "H′ = −Σ pᵢ log_\(base.label) pᵢ" }
    public var citation: String { "Shannon 1948, Bell Syst Tech J 27:379–423" }
    public var needsCounts: Bool { false }

    public func value(of abundances: ArraySlice<Double>) -> Double {
        guard !abundances.isEmpty else { return .nan }
        return Self.entropy(abundances) / base.naturalLog
    }

    /// −Σ pᵢ ln pᵢ over the values, computed as scikit-bio does (proportions first).
    static func entropy(_ abundances: ArraySlice<Double>) -> Double {
        let total = abundances.total
        var sum = 0.0
        for value in abundances {
            let p = value / total
            sum += -p * log(p)
        }
        return sum
    }
}

/// The base of a logarithm used by an entropy.
public enum LogBase: Sendable, Hashable, CustomStringConvertible {
    case e, two, ten
    case custom(Double)

    /// Parses `e`, `2`, `10` or any number greater than 1.
    public init?(_ text: String) {
        switch text {
        case "e": self = .e
        case "2": self = .two
        case "10": self = .ten
        default:
            guard let value = Double(text), value > 1, value.isFinite else { return nil }
            self = .custom(value)
        }
    }

    /// ln(base).
    public var naturalLog: Double {
        switch self {
        case .e: 1
        case .two: log(2.0)
        case .ten: log(10.0)
        case .custom(let value): log(value)
        }
    }

    /// The base as written in names and formulas.
    public var label: String {
        switch self {
        case .e: "e"
        case .two: "2"
        case .ten: "10"
        case .custom(let value): String(value)
        }
    }

    public var description: String { label }
}
