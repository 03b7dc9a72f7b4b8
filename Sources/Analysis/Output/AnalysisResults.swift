import ProfileModel

/// Everything one `mhub analyze` run computed, as one JSON-encodable document. Undefined values
/// (NaN) are `null`.
public struct AnalysisResults: Sendable, Encodable {
    public struct AlphaColumn: Sendable, Encodable {
        public var id: String
        public var name: String
        public var formula: String
        public var citation: String
        public var values: [Double?]
    }

    public struct Beta: Sendable, Encodable {
        public var metric: String
        public var name: String
        public var formula: String
        public var citation: String
        public var pseudocount: Double?
        /// Row-major n × n distances.
        public var distances: [[Double?]]
    }

    public struct Ordination: Sendable, Encodable {
        public var method = "pcoa"
        public var distance: String
        public var eigenvalues: [Double]
        public var proportionExplained: [Double]
        /// `coordinates[axis][sample]`.
        public var coordinates: [[Double]]
    }

    public struct HealthIndex: Sendable, Encodable {
        public var id = "gmhi"
        public var caveat = GutMicrobiomeHealthIndex.caveat
        public var values: [Double?]
    }

    public var sampleIDs: [String]
    public var unit: String
    public var comparability: ComparabilityNotes
    public var alpha: [AlphaColumn]?
    public var beta: Beta?
    public var pcoa: Ordination?
    public var composition: CompositionSummary?
    public var gmhi: HealthIndex?

    public init(table: AnalysisTable) {
        sampleIDs = table.table.samples.map(\.id)
        unit = table.table.unit.description
        comparability = table.comparability
    }

    /// Adds the alpha columns.
    public mutating func include(_ result: AlphaDiversity, metrics: [any AlphaMetric]) {
        alpha = metrics.enumerated().map { column, metric in
            AlphaColumn(id: metric.id, name: metric.name, formula: metric.formula, citation: metric.citation,
                        values: result.column(column).map(Self.defined))
        }
    }

    /// Adds a distance matrix.
    public mutating func include(_ matrix: DistanceMatrix, metric: BetaMetric, pseudocount: Double?) {
        beta = Beta(metric: metric.rawValue, name: metric.name, formula: metric.formula, citation: metric.citation,
                    pseudocount: pseudocount,
                    distances: (0..<matrix.count).map { i in (0..<matrix.count).map { Self.defined(matrix[i, $0]) } })
    }

    /// Adds an ordination of the distance matrix.
    public mutating func include(_ ordination: PrincipalCoordinates, distance: BetaMetric) {
        pcoa = Ordination(distance: distance.rawValue, eigenvalues: ordination.eigenvalues,
                          proportionExplained: ordination.proportionExplained, coordinates: ordination.coordinates)
    }

    /// Adds GMHI values.
    public mutating func include(gmhi values: [Double]) {
        gmhi = HealthIndex(values: values.map(Self.defined))
    }

    /// A finite value, or nil for NaN.
    static func defined(_ value: Double) -> Double? { value.isNaN ? nil : value }
}
