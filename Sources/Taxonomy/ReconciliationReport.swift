import Foundation
import ProfileModel

/// The per-taxon account of a reconciliation: original, resolved, method and evidence with its
/// source, written as TSV (one row per taxon) or JSON.
public struct ReconciliationReport: Sendable {
    /// One taxon's line.
    public struct Row: Sendable, Hashable, Codable {
        public var featureID: String
        public var originalLabel: String
        public var originalLineage: String
        public var resolvedLineage: String
        public var resolvedTaxonID: String?
        /// The identity the taxon was merged under.
        public var identity: String
        public var method: ResolutionMethod
        public var methods: [ResolutionMethod]
        public var placeholders: [String: [PlaceholderKind]]
        public var evidence: [Evidence]

        public init(_ resolved: ResolvedTaxon) {
            featureID = resolved.original.id
            originalLabel = resolved.original.label
            originalLineage = LineageFormatter.prefixed(resolved.original.lineage)
            resolvedLineage = LineageFormatter.prefixed(resolved.resolved.lineage)
            resolvedTaxonID = resolved.resolved.taxonID?.description
            identity = resolved.identity.description
            method = resolved.method
            methods = resolved.methods
            placeholders = resolved.placeholders
            evidence = resolved.evidence
        }
    }

    public var target: TargetTaxonomy
    public var rows: [Row]

    public init(target: TargetTaxonomy, rows: [Row]) {
        self.target = target
        self.rows = rows
    }

    /// How many taxa each method resolved (by primary method).
    public var methodCounts: [ResolutionMethod: Int] {
        rows.reduce(into: [:]) { $0[$1.method, default: 0] += 1 }
    }

    /// The TSV header.
    public static let tsvColumns = ["feature_id", "original_label", "original_lineage", "resolved_lineage", "resolved_taxon_id",
                                    "identity", "method", "methods", "placeholders", "evidence", "sources"]

    /// The report as TSV: a header, then one line per taxon; evidence and sources joined by ` | `.
    public func tsv() -> String {
        var lines = [Self.tsvColumns.joined(separator: "\t")]
        for row in rows {
            let placeholders = row.placeholders.keys.sorted().map { name in
                "\(name): \(row.placeholders[name]!.map(\.rawValue).joined(separator: ","))"
            }
            let fields = [row.featureID, row.originalLabel, row.originalLineage, row.resolvedLineage, row.resolvedTaxonID ?? "",
                          row.identity, row.method.rawValue, row.methods.map(\.rawValue).joined(separator: ","),
                          placeholders.joined(separator: " | "),
                          row.evidence.map { "\($0.method.rawValue): \($0.detail)" }.joined(separator: " | "),
                          row.evidence.map(\.source).joined(separator: " | ")]
            lines.append(fields.map(Self.tsvField).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON with sorted keys: the target, the method counts and every row.
    public func json() throws -> Data {
        struct Document: Encodable {
            var target: TargetTaxonomy
            var methodCounts: [String: Int]
            var taxa: [Row]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let counts = Dictionary(uniqueKeysWithValues: methodCounts.map { ($0.key.rawValue, $0.value) })
        return try encoder.encode(Document(target: target, methodCounts: counts, taxa: rows))
    }

    /// Tabs and line breaks inside a value would break the TSV; they become spaces.
    private static func tsvField(_ value: String) -> String {
        value.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
