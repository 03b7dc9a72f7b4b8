import FormatKit
import Foundation
import ProfileModel
import SafeXML

/// Reads a Krona XML document (the `<krona>` element KronaTools' `ktImportXML` takes, also
/// embedded in every Krona HTML chart) into a clade-cumulative table, streaming.
///
/// Both value layouts in use are read: KronaTools writes one `<val>` per dataset
/// (`<magnitude><val>120</val><val>7</val></magnitude>`); Recentrifuge's charts write the
/// values of all datasets comma-separated (`<cnt>120,7</cnt>`, an empty field meaning none) or,
/// with `s="T"`, as sparse `index:value` pairs. Node elements are `<node>` or Recentrifuge's
/// `<n>`. Per the Krona 1.1 XML specification a single value stands for every dataset.
struct KronaXMLReader {
    let file: String
    /// Added to libxml2's line numbers when the document was cut out of a larger page.
    let lineOffset: Int

    /// One chart node as read.
    private struct Node {
        var name: String
        var parent: Int?
        var magnitudes: [Int: Double] = [:]
        var rank: String?
        var taxonID: String?
        var line: Int
    }

    /// The attribute of a node element being read (`<magnitude>`, `<rank>`, …).
    private struct OpenAttribute {
        var name: String
        var sparse: Bool
        var values: [String] = []
        var text = ""
    }

    func read(_ stream: any ByteStream, input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        let reader: XMLReader
        do throws(XMLError) {
            reader = try XMLReader(stream: stream, file: file)
        } catch {
            throw shifted(error.importError)
        }
        var magnitudeName: String?
        var datasets: [String] = []
        var nodes: [Node] = []
        var openNodes: [Int] = []
        var attribute: OpenAttribute?
        var elements: [String] = []
        var text = ""
        var sawKrona = false

        while let event = try next(reader) {
            switch event {
            case .start(let element):
                elements.append(element.name)
                text = ""
                if element.name == "krona" { sawKrona = true }
                if element.name == "attributes" { magnitudeName = element[attribute: "magnitude"] }
                if Self.nodeElements.contains(element.name) {
                    nodes.append(Node(name: element[attribute: "name"] ?? "", parent: openNodes.last, line: element.line + lineOffset))
                    openNodes.append(nodes.count - 1)
                } else if !openNodes.isEmpty, elements.count >= 2, Self.nodeElements.contains(elements[elements.count - 2]) {
                    attribute = OpenAttribute(name: element.name, sparse: element[attribute: "s"] == "T")
                }
            case .text(let fragment, _):
                text += fragment
                attribute?.text += fragment
            case .end(let name):
                elements.removeLast()
                switch name {
                case "dataset":
                    datasets.append(trimmed(text))
                case "val" where attribute != nil:
                    attribute?.values.append(trimmed(text))
                    attribute?.text = ""
                case _ where Self.nodeElements.contains(name):
                    openNodes.removeLast()
                case _ where attribute?.name == name:
                    if let finished = attribute, let index = openNodes.last {
                        try store(finished, into: &nodes[index], magnitude: magnitudeName)
                    }
                    attribute = nil
                default:
                    break
                }
                text = ""
            }
        }
        guard sawKrona else {
            throw .syntax(SourceLocation(file: file, line: 1 + lineOffset), reason: "no <krona> element: this is not a Krona chart")
        }
        guard magnitudeName != nil else {
            throw .missingField(SourceLocation(file: file, line: 1 + lineOffset), field: "attributes/@magnitude")
        }
        return try build(nodes, datasets: datasets, input: input, options: options)
    }

    private static let nodeElements: Set<String> = ["node", "n"]

    // MARK: - Values

    private func store(_ attribute: OpenAttribute, into node: inout Node, magnitude: String?) throws(ImportError) {
        let fields = attribute.values.isEmpty ? trimmed(attribute.text).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                                              : attribute.values
        if attribute.name == magnitude {
            node.magnitudes = try magnitudes(fields, sparse: attribute.sparse, node: node)
        } else if Self.isRank(attribute.name) {
            node.rank = fields.first { !$0.isEmpty }
        } else if Self.isTaxonID(attribute.name) {
            node.taxonID = fields.first { !$0.isEmpty }
        }
    }

    /// Per dataset index, the non-zero magnitudes of a node.
    private func magnitudes(_ fields: [String], sparse: Bool, node: Node) throws(ImportError) -> [Int: Double] {
        var values: [Int: Double] = [:]
        for (position, field) in fields.enumerated() where !field.isEmpty {
            var index = position
            var number = field
            if sparse {
                let parts = field.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, let parsed = Int(parts[0]), parsed >= 0 else {
                    throw .invalidValue(SourceLocation(file: file, line: node.line), value: field,
                                        reason: "is not a sparse index:value pair")
                }
                index = parsed
                number = String(parts[1])
            }
            guard let value = Double(number), value.isFinite, value >= 0 else {
                throw .invalidValue(SourceLocation(file: file, line: node.line), value: number,
                                    reason: "is not a finite, non-negative magnitude")
            }
            if value > 0 { values[index] = value }
        }
        return values
    }

    private static func isRank(_ name: String) -> Bool { ["rank", "rnk"].contains(name) }
    private static func isTaxonID(_ name: String) -> Bool { ["taxon", "tid", "taxid"].contains(name) }

    // MARK: - Table

    private func build(_ nodes: [Node], datasets: [String], input: ImportInput,
                       options: ImportOptions) throws(ImportError) -> ProfileTable {
        let integral = nodes.allSatisfy { $0.magnitudes.values.allSatisfy { $0.rounded() == $0 } }
        var builder = ProfileTableBuilder(unit: integral ? .counts : .other("krona-magnitude"), structure: .cladeCumulative)
        let sampleCount = max(datasets.count, 1)
        let names = datasets.isEmpty ? [options.sampleID ?? Self.sampleName(fromFile: input.name)] : datasets
        do throws(BuilderError) {
            for name in names { try builder.addSample(Sample(id: name)) }
        } catch {
            throw ImportError(error, at: SourceLocation(file: file, line: 1 + lineOffset))
        }
        var lineages: [Lineage] = Array(repeating: Lineage(), count: nodes.count)
        var paths: [String] = Array(repeating: "", count: nodes.count)
        for (index, node) in nodes.enumerated() {
            // The top node is the chart's root: its magnitude is the total, not a taxon.
            guard let parent = node.parent else { continue }
            let rank = node.rank.flatMap { Rank(name: $0.replacingOccurrences(of: "_", with: " ")) } ?? .unranked
            let entry = LineageEntry(rank: rank, name: node.name)
            lineages[index] = lineages[parent].appending(entry)
                ?? lineages[parent].appending(LineageEntry(rank: .unranked, name: node.name)) ?? lineages[parent]
            paths[index] = paths[parent].isEmpty ? node.name : paths[parent] + ";" + node.name
            let taxon = Taxon(id: paths[index], label: node.name, lineage: lineages[index],
                              taxonID: node.taxonID.map { TaxonID(system: "ncbi", value: $0) })
            let location = SourceLocation(file: file, line: node.line)
            if let dataset = node.magnitudes.keys.first(where: { $0 >= sampleCount }) {
                throw .shapeMismatch(location, reason: "a value for dataset \(dataset + 1), but the chart lists \(sampleCount)")
            }
            do throws(BuilderError) {
                let taxonIndex = try builder.addTaxon(taxon)
                for (dataset, value) in node.magnitudes.sorted(by: { $0.key < $1.key }) {
                    try builder.setValue(value, sample: dataset, taxon: taxonIndex)
                }
            } catch {
                throw ImportError(error, at: location)
            }
        }
        do throws(BuilderError) {
            return try builder.build()
        } catch {
            throw ImportError(error, at: SourceLocation(file: file))
        }
    }

    static func sampleName(fromFile name: String) -> String {
        var base = name.split(separator: "/").last.map(String.init) ?? name
        for suffix in [".gz", ".html", ".htm", ".xml", ".krona"] where base.lowercased().hasSuffix(suffix) {
            base = String(base.dropLast(suffix.count))
        }
        return base.isEmpty ? "sample" : base
    }

    // MARK: - Helpers

    private func next(_ reader: XMLReader) throws(ImportError) -> XMLEvent? {
        do throws(XMLError) {
            return try reader.next()
        } catch {
            throw shifted(error.importError)
        }
    }

    private func shifted(_ error: ImportError) -> ImportError {
        guard lineOffset > 0, let line = error.location.line else { return error }
        var location = error.location
        location.line = line + lineOffset
        return error.relocated(to: location)
    }

    private func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
