/// Where the data of a tree-shaped report lies: the document's syntax, the path of its list
/// of records (one per taxon), and — through the descriptor's `columns` and `sample` — the
/// paths of fields within a record and of values in the document.
///
/// Paths in JSON and YAML documents are key paths: keys joined by `.` (`report.taxa`). In XML
/// they are XPath-style location paths of element names: absolute (`/report/taxa/taxon`,
/// `//taxon` for elements at any depth) for records and document values, relative to the
/// record for fields (`@name`, `abundance`, `abundance/@unit`, `.`, and `../@id` for an
/// attribute of the enclosing record, the parent of a nested taxon element).
public struct DocumentLayout: Sendable, Hashable {
    /// The syntaxes a document descriptor reads.
    public enum Syntax: String, Sendable, Hashable, CaseIterable {
        case json, yaml, xml
    }

    public var syntax: Syntax
    /// The path of the records.
    public var records: String

    public init(syntax: Syntax, records: String) {
        self.syntax = syntax
        self.records = records
    }
}
