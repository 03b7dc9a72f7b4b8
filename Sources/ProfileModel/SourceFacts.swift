/// The name of a source fact: one of the hub's own facts about where data came from
/// (``lab``, ``pipeline``, ``database`` …), or an attribute a format carries under its own name
/// (BIOM's `generated-by`), made with ``attribute(_:)``.
///
/// Every fact the hub itself interprets is declared here, so a typo cannot silently miss one.
public struct SourceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The key as written in profile JSON and shown by `mhub inspect`.
    public let rawValue: String

    private init(_ rawValue: String) { self.rawValue = rawValue }

    /// The laboratory that ran the assay.
    public static let lab = SourceKey("lab")
    /// The company that sold or reported the test.
    public static let vendor = SourceKey("vendor")
    /// The assay (`16S V4`, `shotgun`, `ITS2`).
    public static let assay = SourceKey("assay")
    /// The analysis pipeline (`MetaPhlAn`, `Kraken2`, `QIIME 2`).
    public static let pipeline = SourceKey("pipeline")
    public static let pipelineVersion = SourceKey("pipeline-version")
    /// The reference database (`mpa_vJun23`, `SILVA 138`, `GTDB r214`).
    public static let database = SourceKey("database")
    public static let databaseVersion = SourceKey("database-version")
    /// The taxonomy system the source's tax ids belong to (`ncbi`, `silva`, `gtdb`).
    public static let taxonomySystem = SourceKey("taxonomy-system")
    /// The format id the data was imported from; written only by the import session.
    public static let sourceFormat = SourceKey("source-format")
    /// The file name the data was imported from; written only by the import session.
    public static let sourceFile = SourceKey("source-file")
    /// The text dialect a delimited reader recognised.
    public static let dialect = SourceKey("dialect")
    /// The taxonomy companion file joined to a table.
    public static let taxonomyCompanion = SourceKey("taxonomy-companion")

    /// The facts that describe one sample's origin; each sample may override them (``Sample/source``).
    public static let sampleFacts: [SourceKey] = [
        .lab, .vendor, .assay, .pipeline, .pipelineVersion, .database, .databaseVersion, .taxonomySystem,
        .sourceFormat, .sourceFile,
    ]

    /// Every key the hub declares, in display order.
    public static let declared: [SourceKey] = sampleFacts + [.dialect, .taxonomyCompanion]

    private static let declaredByName: [String: SourceKey] = Dictionary(uniqueKeysWithValues: declared.map { ($0.rawValue, $0) })

    /// A format's own attribute (a BIOM header field, a vendor's report field) kept under its own name.
    public static func attribute(_ name: String) -> SourceKey {
        SourceKey(name)
    }

    /// The key for a name read back from a file: the declared key of that name, else an attribute.
    public init(name: String) {
        self = SourceKey.declaredByName[name] ?? SourceKey(name)
    }

    /// Whether the hub declares this key (it is not a format's own attribute).
    public var isDeclared: Bool { SourceKey.declaredByName[rawValue] != nil }

    /// Whether this key describes a sample's origin and may differ from sample to sample.
    public var isSampleFact: Bool { SourceKey.sampleFacts.contains(self) }

    public var description: String { rawValue }

    public static func < (lhs: SourceKey, rhs: SourceKey) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}

/// Facts about where data came from, keyed by ``SourceKey``: a table-level default in
/// ``Provenance/source`` and per-sample overrides in ``Sample/source``.
public struct SourceFacts: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    private var values: [SourceKey: String]

    /// No facts.
    public init() { values = [:] }

    /// Facts from key–value pairs.
    public init(_ pairs: [SourceKey: String]) { values = pairs }

    public init(dictionaryLiteral elements: (SourceKey, String)...) {
        values = Dictionary(elements) { _, last in last }
    }

    /// Facts read back by name (from a file or a descriptor): declared names become their
    /// ``SourceKey``, other names attributes.
    public init(names: [String: String]) {
        values = Dictionary(uniqueKeysWithValues: names.map { (SourceKey(name: $0.key), $0.value) })
    }

    /// The facts by name, for writers.
    public var byName: [String: String] {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
    }

    /// The fact under `key`, if recorded.
    public subscript(key: SourceKey) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// Whether no fact is recorded.
    public var isEmpty: Bool { values.isEmpty }

    /// The number of facts.
    public var count: Int { values.count }

    /// The recorded keys in byte order of their names (stable for writers and displays).
    public var keys: [SourceKey] { values.keys.sorted() }

    /// The facts as `(key, value)` pairs in key order.
    public func makeIterator() -> IndexingIterator<[(key: SourceKey, value: String)]> {
        keys.map { (key: $0, value: values[$0]!) }.makeIterator()
    }

    /// These facts with `overrides` laid over them.
    public func overlaid(with overrides: SourceFacts) -> SourceFacts {
        var result = self
        for (key, value) in overrides { result[key] = value }
        return result
    }

    /// Only the facts whose key satisfies `isIncluded`.
    public func filter(_ isIncluded: (SourceKey) -> Bool) -> SourceFacts {
        SourceFacts(values.filter { isIncluded($0.key) })
    }
}
